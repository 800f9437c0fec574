package dev.tracklight.bench.eta;

import dev.tracklight.core.eta.engine.TransitFeatures;
import dev.tracklight.core.geo.GreatCircle;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Olist public e-commerce dataset (orders, items, customers, sellers, geolocation) as a shipment history:
 * hand-off = {@code order_delivered_carrier_date}, delivery = {@code order_delivered_customer_date}, promise =
 * {@code order_estimated_delivery_date}; the origin is the seller of the first item. Times are Brazilian local
 * time as in the files. Orders without hand-off, delivery or items are left out.
 */
final class OlistHistory {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private OlistHistory() {
    }

    static List<HistoricShipment> read(Path folder) {
        Map<String, Map<String, String>> customers = byKey(CsvFiles.rows(folder.resolve("olist_customers_dataset.csv")), "customer_id");
        Map<String, Map<String, String>> sellers = byKey(CsvFiles.rows(folder.resolve("olist_sellers_dataset.csv")), "seller_id");
        Map<String, Map<String, String>> firstItems = new HashMap<>();
        for (Map<String, String> item : CsvFiles.rows(folder.resolve("olist_order_items_dataset.csv"))) {
            firstItems.merge(item.get("order_id"), item, (a, b) ->
                    Integer.parseInt(a.get("order_item_id")) <= Integer.parseInt(b.get("order_item_id")) ? a : b);
        }
        Map<String, double[]> places = zipCentroids(folder.resolve("olist_geolocation_dataset.csv"));
        List<HistoricShipment> shipments = new ArrayList<>();
        for (Map<String, String> order : CsvFiles.rows(folder.resolve("olist_orders_dataset.csv"))) {
            Map<String, String> item = firstItems.get(order.get("order_id"));
            LocalDateTime handedOver = time(order.get("order_delivered_carrier_date"));
            LocalDateTime delivered = time(order.get("order_delivered_customer_date"));
            if (item == null || handedOver == null || delivered == null) {
                continue;
            }
            Map<String, String> seller = sellers.get(item.get("seller_id"));
            Map<String, String> customer = customers.get(order.get("customer_id"));
            String fromZip = zip(seller.get("seller_zip_code_prefix"));
            String toZip = zip(customer.get("customer_zip_code_prefix"));
            String regionLane = seller.get("seller_state") + ">" + customer.get("customer_state");
            List<String> lanes = List.of("to:" + customer.get("customer_state"), regionLane,
                    fromZip.substring(0, 2) + ">" + toZip.substring(0, 3));
            LocalDate promised = time(order.get("order_estimated_delivery_date")).toLocalDate();
            shipments.add(new HistoricShipment(order.get("order_id"), new TransitFeatures(lanes,
                    distanceKm(places.get(fromZip), places.get(toZip)), time(order.get("order_purchase_timestamp")), promised,
                    handedOver), regionLane, delivered));
        }
        shipments.sort(Comparator.comparing(HistoricShipment::handedOverAt));
        return shipments;
    }

    private static Map<String, double[]> zipCentroids(Path file) {
        Map<String, double[]> sums = new HashMap<>();
        for (Map<String, String> row : CsvFiles.rows(file)) {
            double[] sum = sums.computeIfAbsent(zip(row.get("geolocation_zip_code_prefix")), zip -> new double[3]);
            sum[0] += Double.parseDouble(row.get("geolocation_lat"));
            sum[1] += Double.parseDouble(row.get("geolocation_lng"));
            sum[2]++;
        }
        Map<String, double[]> centroids = new HashMap<>();
        sums.forEach((zip, sum) -> centroids.put(zip, new double[] {sum[0] / sum[2], sum[1] / sum[2]}));
        return centroids;
    }

    /** Great-circle distance between two zip-prefix centroids, or null when either is unknown. */
    private static Double distanceKm(double[] from, double[] to) {
        if (from == null || to == null) {
            return null;
        }
        return GreatCircle.km(from[0], from[1], to[0], to[1]);
    }

    private static String zip(String prefix) {
        return "0".repeat(Math.max(0, 5 - prefix.length())) + prefix;
    }

    private static LocalDateTime time(String text) {
        return text == null || text.isBlank() ? null : LocalDateTime.parse(text, TIME);
    }

    private static Map<String, Map<String, String>> byKey(List<Map<String, String>> rows, String key) {
        Map<String, Map<String, String>> out = new HashMap<>();
        rows.forEach(row -> out.put(row.get(key), row));
        return out;
    }
}
