package dev.tracklight.core.analytics;

import dev.tracklight.core.delay.Stage;

/**
 * The names of the counts kept per {@link TallyKey}. Lane counts are per stage ({@code LINE_HAUL.dwellSeconds})
 * or per delivery ({@code delivered}, {@code transitDays.3}); facility counts are its visits and dwell.
 */
public final class Counter {

    /** Events taken, once each however often a carrier sends them. */
    public static final String EVENTS = "events";
    /** Events whose carrier code could not be mapped to a status: the scan data errors of the outbound stage. */
    public static final String UNMAPPED = "unmapped";
    /** Events whose receipt-to-processed time was within the system-response target. */
    public static final String RESPONDED_IN_TIME = "respondedInTime";
    /** Shipments the carrier accepted (its first scan), and those accepted within the first-mile limit. */
    public static final String ACCEPTED = "accepted";
    public static final String ACCEPTED_ON_TIME = "acceptedOnTime";
    public static final String DELIVERED = "delivered";
    public static final String ON_TIME = "onTime";
    public static final String LATE = "late";
    public static final String NO_PROMISE = "noPromise";
    /** Deliveries that had an estimate shown, those inside it, and the sum of minutes from its likely moment. */
    public static final String ETA_SCORED = "etaScored";
    public static final String ETA_INSIDE = "etaInside";
    public static final String ETA_ERROR_MINUTES = "etaErrorMinutes";
    /** Deliveries after an out-for-delivery scan, and those within the last-mile accuracy of the window shown. */
    public static final String LAST_MILE_SCORED = "lastMileScored";
    public static final String LAST_MILE_ACCURATE = "lastMileAccurate";
    /** Transit days from hand-off to delivery, one count per whole day ({@code transitDays.0} … {@code transitDays.30}, the last open-ended). */
    public static final String TRANSIT_DAYS = "transitDays.";
    public static final int TRANSIT_DAYS_CAP = 30;
    /** A facility's completed visits (the parcel was next scanned elsewhere) and the seconds parcels spent there. */
    public static final String VISITS = "visits";
    public static final String DWELL_SECONDS = "dwellSeconds";

    /** A stage's own measures. */
    public enum StageMeasure {
        /** Status updates in the stage. */
        UPDATES,
        /** Of those, the ones that said where the parcel was. */
        LOCATED,
        /** Times a parcel entered the stage, and left it for another. */
        ENTRIES,
        EXITS,
        /** Seconds between a stage's updates, summed: its dwell. */
        DWELL_SECONDS,
        /** Gaps between two updates in the stage longer than the stage's update target. */
        GAPS;

        public String of(Stage stage) {
            return stage.name() + "." + name();
        }
    }

    private Counter() {
    }

    /** True for counts of a move (a stage or facility entered or left, an acceptance, a delivery): worth showing at once. */
    public static boolean marksAMove(String name) {
        return name.endsWith("." + StageMeasure.ENTRIES.name()) || name.endsWith("." + StageMeasure.EXITS.name())
                || name.equals(VISITS) || name.equals(ACCEPTED) || name.equals(DELIVERED);
    }

    public static String transitDays(long days) {
        return TRANSIT_DAYS + Math.min(Math.max(days, 0), TRANSIT_DAYS_CAP);
    }
}
