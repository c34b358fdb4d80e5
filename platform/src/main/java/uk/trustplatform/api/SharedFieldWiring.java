package uk.trustplatform.api;

import graphql.schema.idl.TypeRuntimeWiring;
import java.util.List;

/**
 * One field that several types have alike (such as {@code lastChange}), wired by the feature that
 * owns it for each of those types; merged with the types' own wirings field by field.
 */
public interface SharedFieldWiring {

    List<TypeRuntimeWiring> typeWirings();
}
