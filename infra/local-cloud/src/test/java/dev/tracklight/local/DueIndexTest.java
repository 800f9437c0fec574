package dev.tracklight.local;

import dev.tracklight.aws.schedule.Deadline;
import dev.tracklight.aws.store.PollScheduleStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A schedule's reader starts where the last read found something still due: a running one queries an hour or two,
 * not its whole look-back, and still finds what it left unhandled, what came due while it was down, and what a
 * clock behind the mark filed. Queries are counted by an SDK interceptor, one per shard and hour read.
 */
class DueIndexTest {

    /** Sixteen shards and the unsharded bucket of before (Keys). */
    private static final int QUERIES_PER_HOUR = 17;
    private static final Duration LOOK_BACK = Duration.ofHours(24);
    private static final Instant NOW = Instant.parse("2026-11-30T04:20:00Z");

    private final AtomicInteger queries = new AtomicInteger();
    /** The query at which the next read fails, as a run cut short by its timeout would; 0: none. */
    private final AtomicInteger failAt = new AtomicInteger();
    /** The query that takes {@link #SLOW}, as on a loaded table; 0: none. */
    private final AtomicInteger slowAt = new AtomicInteger();
    private static final Duration SLOW = Duration.ofMillis(2_200);
    private DynamoDbClient dynamo;
    private PollScheduleStore schedule;

    @BeforeEach
    void freshTable() throws Exception {
        DynamoDbClient shared = SharedCloud.get().dynamoDb();
        dynamo = DynamoDbClient.builder().region(Region.of(shared.serviceClientConfiguration().region().id()))
                .endpointOverride(shared.serviceClientConfiguration().endpointOverride().orElseThrow())
                .overrideConfiguration(config -> config.addExecutionInterceptor(new ExecutionInterceptor() {
                    @Override
                    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                        if (context.request() instanceof QueryRequest) {
                            int query = queries.incrementAndGet();
                            if (query == failAt.get()) {
                                throw new IllegalStateException("cut short");
                            }
                            if (query == slowAt.get()) {
                                sleep(SLOW);
                            }
                        }
                    }
                })).build();
        schedule = new PollScheduleStore(dynamo, TableOfItsOwn.create(shared, "due"));
    }

    @AfterEach
    void close() {
        dynamo.close();
    }

    /** What a read at {@code now} found, and how many queries it took. */
    private record Read(List<String> due, int queries) {
    }

    private Read readAt(Instant now) {
        queries.set(0);
        return new Read(schedule.due(now, LOOK_BACK, Deadline.none()), queries.get());
    }

    @Test
    void aRunningReaderQueriesTheLastHoursNotItsWholeLookBack() {
        // GIVEN a poll due a minute ago
        schedule.schedule("shp_a", NOW.minus(Duration.ofMinutes(1)));

        // WHEN the reader runs for the first time, then a minute later, having handed it over
        Read first = readAt(NOW);
        schedule.schedule("shp_a", NOW.plus(Duration.ofMinutes(5)));
        Read next = readAt(NOW.plus(Duration.ofMinutes(1)));

        // THEN the first read looks a whole day back, the next only at this hour
        assertThat(first.due()).containsExactly("shp_a");
        assertThat(first.queries()).isEqualTo(25 * QUERIES_PER_HOUR);
        assertThat(next.due()).isEmpty();
        assertThat(next.queries()).isEqualTo(QUERIES_PER_HOUR);
    }

    @Test
    void aReadInAnHoursFirstMinutesStillReadsTheHourBefore() {
        // GIVEN a run two minutes into an hour
        Instant hour = NOW.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
        readAt(hour.plusSeconds(120));

        // WHEN an item filed under the hour before lands only now (its writer read its clock then, and was slow)
        schedule.schedule("shp_late", hour.minusSeconds(30));

        // THEN the next run reads that hour too, and finds it
        Read next = readAt(hour.plusSeconds(180));
        assertThat(next.due()).containsExactly("shp_late");
        assertThat(next.queries()).isEqualTo(2 * QUERIES_PER_HOUR);
    }

    @Test
    void whatARunLeftDueIsReadAgainUntilItIsHandled() {
        // GIVEN a poll due five hours ago that a run found but could not hand over
        schedule.schedule("shp_left", NOW.minus(Duration.ofHours(5)));
        assertThat(readAt(NOW).due()).containsExactly("shp_left");

        // WHEN later runs come, the item still due
        Read later = readAt(NOW.plus(Duration.ofHours(3)));

        // THEN each reads from the item's hour and finds it again
        assertThat(later.due()).containsExactly("shp_left");
        assertThat(later.queries()).isEqualTo(9 * QUERIES_PER_HOUR);

        // AND once handed over, the next run moves past it
        schedule.remove("shp_left");
        readAt(NOW.plus(Duration.ofHours(3)).plusSeconds(60));
        assertThat(readAt(NOW.plus(Duration.ofHours(3)).plusSeconds(120)).queries()).isEqualTo(QUERIES_PER_HOUR);
    }

    @Test
    void aReaderThatWasDownFindsWhatCameDueMeanwhile() {
        // GIVEN a reader that ran, then a poll that came due an hour later, and no run for ten hours
        readAt(NOW);
        schedule.schedule("shp_missed", NOW.plus(Duration.ofHours(1)));

        // WHEN it runs again
        Read back = readAt(NOW.plus(Duration.ofHours(10)));

        // THEN it reads from where it stopped and finds the poll
        assertThat(back.due()).containsExactly("shp_missed");
        assertThat(back.queries()).isEqualTo(11 * QUERIES_PER_HOUR);
    }

    @Test
    void aFirstReadCutShortKeepsItsProgressForTheNext() {
        // GIVEN a first read that dies in its fifteenth hour of 25 (its timeout, say)
        failAt.set(14 * QUERIES_PER_HOUR + 1);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> readAt(NOW)).hasMessageContaining("cut short");
        failAt.set(0);
        schedule.schedule("shp_due", NOW.minus(Duration.ofMinutes(1)));

        // WHEN the next run reads THEN it starts from the last six-hour mark the first one kept, and finds what is due
        Read next = readAt(NOW.plusSeconds(60));
        assertThat(next.due()).containsExactly("shp_due");
        assertThat(next.queries()).isEqualTo((25 - 12) * QUERIES_PER_HOUR);
    }

    @Test
    void aReadPastItsDeadlineStopsAndTheNextReadsOnFromTheFirstHourItDidNotRead() {
        // GIVEN a first read with two seconds, whose fifteenth hour is slow
        slowAt.set(14 * QUERIES_PER_HOUR + 1);
        queries.set(0);
        List<String> first = schedule.due(NOW, LOOK_BACK, Deadline.after(SLOW.minusMillis(200)));
        int firstQueries = queries.get();
        slowAt.set(0);
        schedule.schedule("shp_due", NOW.minus(Duration.ofMinutes(1)));

        // THEN it stopped at an hour's end, before the end of its walk
        assertThat(first).isEmpty();
        assertThat(firstQueries % QUERIES_PER_HOUR).isZero();
        assertThat(firstQueries).isBetween(15 * QUERIES_PER_HOUR, 24 * QUERIES_PER_HOUR);

        // WHEN the next run reads THEN it reads exactly the hours the first did not, and finds what is due
        Read next = readAt(NOW.plusSeconds(60));
        assertThat(next.due()).containsExactly("shp_due");
        assertThat(next.queries()).isEqualTo(25 * QUERIES_PER_HOUR - firstQueries);
    }

    @Test
    void aReadWhoseDeadlineHasPassedReadsNothingAndMovesNoMark() {
        schedule.schedule("shp_due", NOW.minus(Duration.ofMinutes(1)));
        readAt(NOW.minus(Duration.ofMinutes(5)));

        queries.set(0);
        assertThat(schedule.due(NOW, LOOK_BACK, Deadline.after(Duration.ZERO))).isEmpty();
        assertThat(queries.get()).isZero();

        assertThat(readAt(NOW).due()).containsExactly("shp_due");
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aMarkAheadOfTheReadersClockIsNotFollowed() {
        // GIVEN a mark left by a clock two days ahead, and a poll due now
        readAt(NOW.plus(Duration.ofDays(2)));
        schedule.schedule("shp_now", NOW.minus(Duration.ofMinutes(1)));

        // WHEN a reader with the right time runs THEN it reads its whole look-back and finds the poll
        Read read = readAt(NOW);
        assertThat(read.due()).containsExactly("shp_now");
        assertThat(read.queries()).isEqualTo(25 * QUERIES_PER_HOUR);
    }

    @Test
    void nothingOlderThanTheLookBackIsRead() {
        // GIVEN a poll due two days ago, and a reader whose last run was then
        readAt(NOW.minus(Duration.ofDays(2)));
        schedule.schedule("shp_old", NOW.minus(Duration.ofDays(2)));

        // WHEN it runs now THEN it reads one day back, no further
        Read read = readAt(NOW);
        assertThat(read.due()).isEmpty();
        assertThat(read.queries()).isEqualTo(25 * QUERIES_PER_HOUR);
    }
}
