package uk.trustplatform.exports;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What an export holds: a title, typed columns and rows of cells, written out as CSV or XLSX.
 *
 * @param rows each a list of cells, one per column: text, a {@link LocalDate}, a number or null
 */
record Table(String title, List<Column> columns, List<List<@Nullable Object>> rows) {

    enum Kind {
        TEXT,
        DATE,
        NUMBER
    }

    record Column(String heading, Kind kind) {

        static Column text(String heading) {
            return new Column(heading, Kind.TEXT);
        }

        static Column date(String heading) {
            return new Column(heading, Kind.DATE);
        }

        static Column number(String heading) {
            return new Column(heading, Kind.NUMBER);
        }
    }
}
