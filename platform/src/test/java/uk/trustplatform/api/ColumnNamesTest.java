package uk.trustplatform.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.model.PersistentProperty;
import io.micronaut.data.model.naming.NamingStrategy;
import io.micronaut.data.model.runtime.RuntimePersistentEntity;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every entity reads its rows through {@link ColumnNames}, which names each column as Micronaut
 * Data's default does (the default is what the SQL generated at compile time uses).
 */
class ColumnNamesTest {

    private static final List<Class<?>> ENTITIES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("uk.trustplatform").stream()
                    .filter(type -> type.isAnnotatedWith(MappedEntity.class))
                    .<Class<?>>map(JavaClass::reflect)
                    .toList();

    @Test
    void every_entity_is_mapped_with_column_names_worked_out_once() {
        assertThat(ENTITIES).as("the platform's entities").hasSizeGreaterThan(20);
        for (Class<?> type : ENTITIES) {
            assertThat(new RuntimePersistentEntity<>(type).getNamingStrategy())
                    .as(type.getName())
                    .isInstanceOf(ColumnNames.class);
        }
    }

    @Test
    void every_column_has_the_default_name() {
        for (Class<?> type : ENTITIES) {
            RuntimePersistentEntity<?> entity = new RuntimePersistentEntity<>(type);
            for (PersistentProperty property : properties(entity)) {
                assertThat(entity.getNamingStrategy().mappedName(List.of(), property))
                        .as(property.toString())
                        .isEqualTo(NamingStrategy.DEFAULT.mappedName(List.of(), property));
            }
        }
    }

    private static List<PersistentProperty> properties(RuntimePersistentEntity<?> entity) {
        List<PersistentProperty> properties = new ArrayList<>(entity.getPersistentProperties());
        properties.addAll(entity.getIdentityProperties());
        if (entity.getVersion() != null) {
            properties.add(entity.getVersion());
        }
        return properties;
    }
}
