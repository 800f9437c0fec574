package dev.tracklight.bench.eta;

import dev.tracklight.core.eta.engine.TransitFeatures;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The documented history format (docs/eta.md), one shipment per row, times in the lane's local time:
 * {@code shipment_id, carrier, service, origin_region, destination_region, origin_area, destination_area,
 * distance_km, ordered_at, handed_over_at, delivered_at, promised_date}. Only {@code shipment_id},
 * {@code handed_over_at} and {@code delivered_at} are required; an empty {@code delivered_at} (never delivered)
 * leaves the row out.
 */
final class HistoryCsv {

    private HistoryCsv() {
    }

    static List<HistoricShipment> read(Path file) {
        List<HistoricShipment> shipments = new ArrayList<>();
        int line = 1;
        for (Map<String, String> row : CsvFiles.rows(file)) {
            line++;
            try {
                LocalDateTime delivered = time(row, "delivered_at");
                if (delivered == null) {
                    continue;
                }
                String carrier = text(row, "carrier");
                String regionLane = text(row, "origin_region") + ">" + text(row, "destination_region");
                List<String> lanes = List.of(carrier + "|to:" + text(row, "destination_region"), carrier + "|" + regionLane,
                        carrier + "|" + text(row, "service") + "|" + text(row, "origin_area") + ">" + text(row, "destination_area"));
                String distance = text(row, "distance_km");
                String promised = text(row, "promised_date");
                LocalDateTime handedOver = time(row, "handed_over_at");
                if (handedOver == null) {
                    throw new IllegalArgumentException("handed_over_at is required");
                }
                shipments.add(new HistoricShipment(text(row, "shipment_id"), new TransitFeatures(lanes,
                        distance.isEmpty() ? null : Double.valueOf(distance), time(row, "ordered_at"),
                        promised.isEmpty() ? null : LocalDate.parse(promised), handedOver), regionLane, delivered));
            } catch (IllegalArgumentException | DateTimeParseException e) {
                throw new IllegalArgumentException(file + " line " + line + ": " + e.getMessage(), e);
            }
        }
        return shipments;
    }

    private static String text(Map<String, String> row, String column) {
        String value = row.get(column);
        return value == null ? "" : value.trim();
    }

    private static LocalDateTime time(Map<String, String> row, String column) {
        String value = text(row, column);
        return value.isEmpty() ? null : LocalDateTime.parse(value.replace(' ', 'T'));
    }
}
