package dev.tracklight.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.tracklight.aws.http.HttpResponses;
import dev.tracklight.aws.store.TallyStore;
import dev.tracklight.aws.store.TenantSettingsStore;
import dev.tracklight.core.analytics.FacilityReport;
import dev.tracklight.core.analytics.LaneReport;
import dev.tracklight.core.analytics.SlaReport;
import dev.tracklight.core.analytics.Tally;
import dev.tracklight.core.problem.Problem;
import dev.tracklight.core.problem.ProblemException;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /v1/analytics/{sla,stages,lanes,facilities}}: the caller's figures over a range of days (UTC), read
 * from the counts the processor keeps as shipments change, never from a scan of shipments.
 */
public final class AnalyticsApi {

    /** The days a range covers unless it says otherwise, ending today. */
    static final int DEFAULT_DAYS = 30;
    /** The longest range one request may read: a quarter. */
    static final int MAX_DAYS = 92;

    private final TallyStore tallies;
    private final TenantSettingsStore settings;
    private final Clock clock;

    public AnalyticsApi(TallyStore tallies, TenantSettingsStore settings, Clock clock) {
        this.tallies = tallies;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * One table of figures and the days it covers.
     *
     * @param columns the rows' record type, whose components are the columns (the CSV export's too)
     */
    public record Table(String table, LocalDate from, LocalDate to, Class<? extends Record> columns, List<? extends Record> rows) {

        /** As {@code format} asks: {@code json} (the default) or {@code csv}. */
        APIGatewayV2HTTPResponse answer(Map<String, String> query) throws ProblemException {
            String format = query.getOrDefault("format", "json");
            return switch (format) {
                case "json" -> HttpResponses.json(200, new Body(table, from.toString(), to.toString(), rows));
                case "csv" -> HttpResponses.of(200, "text/csv; charset=utf-8", CsvTable.of(columns, rows));
                default -> throw new ProblemException(Problem.badRequest("format must be json or csv, not " + format));
            };
        }
    }

    /** A table as JSON. */
    public record Body(String table, String from, String to, List<? extends Record> rows) {
    }

    /** Service-level compliance per stage of the table, against the tenant's own targets where it set them. */
    public Table sla(Caller caller, Map<String, String> query) throws ProblemException {
        Range range = Range.of(query, clock);
        var rows = SlaReport.compliance(read(caller, range), settings.read(caller.tenantId()).slaTargets());
        return range.table("sla", SlaReport.Compliance.class, rows);
    }

    /** Entries, exits, dwell and coverage of each stage of the journey. */
    public Table stages(Caller caller, Map<String, String> query) throws ProblemException {
        Range range = Range.of(query, clock);
        return range.table("stages", SlaReport.StageFlow.class, SlaReport.flow(read(caller, range)));
    }

    /** Carrier × lane: on-time rate, transit days, ETA accuracy. */
    public Table lanes(Caller caller, Map<String, String> query) throws ProblemException {
        Range range = Range.of(query, clock);
        return range.table("lanes", LaneReport.Row.class, LaneReport.of(read(caller, range)));
    }

    /** The facilities where parcels wait longest. */
    public Table facilities(Caller caller, Map<String, String> query) throws ProblemException {
        Range range = Range.of(query, clock);
        int limit = QueryParameters.limit(query.get("limit"));
        return range.table("facilities", FacilityReport.Row.class, FacilityReport.slowest(read(caller, range), limit));
    }

    private Tally read(Caller caller, Range range) {
        return tallies.read(caller.tenantId(), range.from(), range.to());
    }

    /** The days asked for: {@code from} and {@code to} as ISO dates, both included. */
    private record Range(LocalDate from, LocalDate to) {

        static Range of(Map<String, String> query, Clock clock) throws ProblemException {
            LocalDate to = date(query, "to", LocalDate.now(clock.withZone(ZoneOffset.UTC)));
            LocalDate from = date(query, "from", to.minusDays(DEFAULT_DAYS - 1));
            if (from.isAfter(to)) {
                throw new ProblemException(Problem.badRequest("from (" + from + ") must not be after to (" + to + ")"));
            }
            if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
                throw new ProblemException(Problem.badRequest("a range covers at most " + MAX_DAYS + " days; ask for several"));
            }
            return new Range(from, to);
        }

        <R extends Record> Table table(String name, Class<R> columns, List<R> rows) {
            return new Table(name, from, to, columns, rows);
        }

        private static LocalDate date(Map<String, String> query, String name, LocalDate otherwise) throws ProblemException {
            String value = query.get(name);
            if (value == null) {
                return otherwise;
            }
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                throw new ProblemException(Problem.badRequest(name + " must be a date like 2026-11-30, not " + value));
            }
        }
    }
}
