package dev.tracklight.api;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** A table of records as RFC 4180 CSV: a header of the record's component names, a line per record. */
final class CsvTable {

    private CsvTable() {
    }

    static String of(Class<? extends Record> type, List<? extends Record> rows) {
        RecordComponent[] columns = type.getRecordComponents();
        StringBuilder csv = new StringBuilder(Arrays.stream(columns).map(RecordComponent::getName).collect(Collectors.joining(",")))
                .append("\r\n");
        for (Record row : rows) {
            csv.append(Arrays.stream(columns).map(column -> cell(value(column, row))).collect(Collectors.joining(","))).append("\r\n");
        }
        return csv.toString();
    }

    private static Object value(RecordComponent column, Record row) {
        try {
            return column.getAccessor().invoke(row);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("column " + column.getName() + " of " + row.getClass().getSimpleName() + " unreadable", e);
        }
    }

    /** Empty for nothing; quoted, quotes doubled, where the text holds a comma, a quote or a line break. */
    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        // a leading =, +, - or @ would be a formula to a spreadsheet: quoted with a leading apostrophe it is text
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 && !text.matches("-?[0-9.]+")) {
            text = "'" + text;
        }
        boolean quoted = text.startsWith("'") || text.chars().anyMatch(c -> c == '"' || c == ',' || c == '\r' || c == '\n');
        return quoted ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
