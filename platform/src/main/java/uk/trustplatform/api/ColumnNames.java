package uk.trustplatform.api;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.data.model.naming.NamingStrategies;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Micronaut Data's default column names (snake_case of the property), worked out once per name.
 * Its row mapper asks the entity's naming strategy for each property's column on every row it
 * reads ({@code SqlResultEntityTypeMapper.readProperty}), and the default works the name out again
 * each time: {@code NameUtils.underscoreSeparate} was 7 % of the service's CPU listing a board's
 * partners. Every entity names this strategy ({@code @MappedEntity(namingStrategy = ...)}); the
 * names are the default's, so the SQL generated at compile time, which uses the default, agrees.
 *
 * <p>Unbounded, since the names are those of the entities' properties: a fixed, small set.
 */
@Introspected
public final class ColumnNames extends NamingStrategies.UnderScoreSeparatedLowerCase {

    private final Map<String, String> columns = new ConcurrentHashMap<>();

    @Override
    public String mappedName(String name) {
        return columns.computeIfAbsent(name, super::mappedName);
    }
}
