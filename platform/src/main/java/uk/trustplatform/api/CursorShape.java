package uk.trustplatform.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The cursors of one list: the list's name and the types of its sort key's parts. The same shape
 * makes the list's cursors and reads them back, so a cursor of another list, of another shape, or
 * with a part that does not parse as its type is refused before it reaches a query. A cursor is
 * opaque to clients: the list's name and the key's parts as a JSON array, base64url-encoded.
 *
 * @param list names the list, unique among the platform's lists
 * @param parts the types of the sort key's parts, in order
 */
public record CursorShape(String list, List<Part> parts) {

    /** The longest cursor read: well above any key of ours, so a huge argument is not decoded. */
    private static final int LONGEST = 4096;

    private static final ObjectMapper JSON = new ObjectMapper();

    public CursorShape {
        parts = List.copyOf(parts);
    }

    public static CursorShape of(String list, Part... parts) {
        return new CursorShape(list, List.of(parts));
    }

    /** The type of one part of a sort key: what Java value makes it, and what text reads back as one. */
    public enum Part {
        TEXT(String.class),
        UUID(java.util.UUID.class),
        DATE(LocalDate.class),
        TIMESTAMP(OffsetDateTime.class),
        INTEGER(Integer.class);

        private static final Pattern CANONICAL_UUID =
                Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

        private final Class<?> type;

        Part(Class<?> type) {
            this.type = type;
        }

        /**
         * Whether the text is a value of this type that the database can compare with, as this
         * part writes one: dates and times in years 1 to 9999, integers in range, text without
         * {@link UnsafeCharacters}.
         */
        boolean reads(String text) {
            try {
                return switch (this) {
                    case TEXT -> UnsafeCharacters.firstIn(text).isEmpty();
                    case UUID -> CANONICAL_UUID.matcher(text).matches();
                    case DATE -> inFourDigitYears(LocalDate.parse(text).getYear());
                    case TIMESTAMP ->
                        inFourDigitYears(OffsetDateTime.parse(text).getYear());
                    case INTEGER -> isInteger(text);
                };
            } catch (DateTimeParseException | NumberFormatException notThisType) {
                return false;
            }
        }

        private static boolean isInteger(String text) {
            Integer.parseInt(text);
            return true;
        }

        private static boolean inFourDigitYears(int year) {
            return year >= 1 && year <= 9999;
        }
    }

    /** The cursor of a row with this sort key; the values must be of the shape's types, in order. */
    String cursor(Object... key) {
        if (key.length != parts.size()) {
            throw new IllegalArgumentException(
                    "A cursor of " + list + " has " + parts.size() + " parts, not " + key.length);
        }
        List<String> texts = new ArrayList<>(List.of(list));
        for (int i = 0; i < key.length; i++) {
            if (!parts.get(i).type.isInstance(key[i])) {
                throw new IllegalArgumentException("Part " + i + " of a cursor of " + list + " must be a "
                        + parts.get(i).type.getSimpleName() + ", not " + key[i]);
            }
            texts.add(key[i].toString());
        }
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(texts));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sort key a cursor of this list holds, each part as text that reads as its type; empty for any other text. */
    Optional<List<String>> read(String cursor) {
        if (cursor.length() > LONGEST) {
            return Optional.empty();
        }
        JsonNode texts;
        try {
            texts = JSON.readTree(Base64.getUrlDecoder().decode(cursor));
        } catch (IllegalArgumentException | IOException notOurs) {
            return Optional.empty();
        }
        if (texts == null
                || !texts.isArray()
                || texts.size() != parts.size() + 1
                || !texts.get(0).isTextual()
                || !texts.get(0).asText().equals(list)) {
            return Optional.empty();
        }
        List<String> key = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            JsonNode part = texts.get(i + 1);
            if (!part.isTextual() || !parts.get(i).reads(part.asText())) {
                return Optional.empty();
            }
            key.add(part.asText());
        }
        return Optional.of(List.copyOf(key));
    }
}
