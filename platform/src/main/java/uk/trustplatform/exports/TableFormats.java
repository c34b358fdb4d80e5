package uk.trustplatform.exports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;

/** Writes a {@link Table} as CSV (RFC 4180, UTF-8 with a byte-order mark for spreadsheet programs) or XLSX. */
final class TableFormats {

    /** Makes Excel read the CSV as UTF-8 rather than the local code page. */
    private static final String BYTE_ORDER_MARK = "\uFEFF";

    private TableFormats() {}

    static byte[] csv(Table table) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CSVFormat format = CSVFormat.RFC4180
                .builder()
                .setHeader(table.columns().stream().map(Table.Column::heading).toArray(String[]::new))
                .get();
        try (Writer writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
            // Before the printer, which writes the headings as soon as it is made.
            writer.write(BYTE_ORDER_MARK);
            CSVPrinter csv = new CSVPrinter(writer, format);
            for (List<@Nullable Object> row : table.rows()) {
                csv.printRecord(row.stream()
                        .map(cell -> cell == null ? "" : cell.toString())
                        .toList());
            }
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static byte[] xlsx(Table table) {
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(table.title());
            CellStyle heading = workbook.createCellStyle();
            Font bold = workbook.createFont();
            bold.setBold(true);
            heading.setFont(bold);
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            Row headings = sheet.createRow(0);
            for (int c = 0; c < table.columns().size(); c++) {
                Cell cell = headings.createCell(c);
                cell.setCellValue(table.columns().get(c).heading());
                cell.setCellStyle(heading);
            }
            for (int r = 0; r < table.rows().size(); r++) {
                Row row = sheet.createRow(r + 1);
                List<@Nullable Object> cells = table.rows().get(r);
                for (int c = 0; c < cells.size(); c++) {
                    write(row.createCell(c), cells.get(c), date);
                }
            }
            sheet.createFreezePane(0, 1);
            for (int c = 0; c < table.columns().size(); c++) {
                sheet.setColumnWidth(c, 24 * 256);
            }
            workbook.write(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Cell cell, Object value, CellStyle date) {
        switch (value) {
            case null -> cell.setBlank();
            case LocalDate day -> {
                cell.setCellValue(day);
                cell.setCellStyle(date);
            }
            case Number number -> cell.setCellValue(number.doubleValue());
            default -> cell.setCellValue(value.toString());
        }
    }
}
