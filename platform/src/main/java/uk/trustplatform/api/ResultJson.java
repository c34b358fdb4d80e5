package uk.trustplatform.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * A GraphQL response body as JSON bytes, written with a streaming generator by the type of each
 * value: graphql-java's results are maps, lists, strings, numbers, booleans and nulls. The object
 * mapper would look up a serializer again for every value of every map, which took 6% of the
 * service's CPU in bench/compare's plan read (JFR). A null is written, never left out: GraphQL
 * gives a field that resolved to null as {@code "field": null}. Any other value goes to the mapper.
 */
final class ResultJson {

    private final ObjectMapper json;

    ResultJson(ObjectMapper json) {
        this.json = json;
    }

    byte[] write(Object body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
        try (JsonGenerator generator = json.getFactory().createGenerator(bytes)) {
            write(generator, body);
        } catch (IOException e) {
            throw new UncheckedIOException("A GraphQL response could not be written as JSON", e);
        }
        return bytes.toByteArray();
    }

    private void write(JsonGenerator generator, Object value) throws IOException {
        switch (value) {
            case null -> generator.writeNull();
            case String text -> generator.writeString(text);
            case Map<?, ?> object -> {
                generator.writeStartObject();
                for (Map.Entry<?, ?> entry : object.entrySet()) {
                    generator.writeFieldName(String.valueOf(entry.getKey()));
                    write(generator, entry.getValue());
                }
                generator.writeEndObject();
            }
            case List<?> array -> {
                generator.writeStartArray();
                for (Object item : array) {
                    write(generator, item);
                }
                generator.writeEndArray();
            }
            case Boolean flag -> generator.writeBoolean(flag);
            case Integer number -> generator.writeNumber(number);
            case Long number -> generator.writeNumber(number);
            case Double number -> generator.writeNumber(number);
            default -> json.writeValue(generator, value);
        }
    }
}
