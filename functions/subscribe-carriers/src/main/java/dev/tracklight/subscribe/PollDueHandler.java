package dev.tracklight.subscribe;

import dev.tracklight.aws.clients.AwsClients;
import dev.tracklight.aws.env.FunctionEnvironment;
import dev.tracklight.aws.observe.Telemetry;
import dev.tracklight.aws.queue.SubscriptionRequests;
import dev.tracklight.aws.schedule.Deadline;
import dev.tracklight.aws.schedule.ScheduleHandler;
import dev.tracklight.aws.store.PollScheduleStore;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Every minute, hands the shipments whose poll is due to the subscriber, through the due-hour index (no scan).
 * Each is leased for a few minutes first, so a request still queued is not handed over again; the subscriber
 * then schedules the real next poll. Reads start where the last run found something still due, 24 hours back at most,
 * so missed runs (an outage of up to a day) lose nothing; a run that nears its timeout leaves the rest due for the next.
 */
public final class PollDueHandler extends ScheduleHandler {

    private static final Duration LEASE = Duration.ofMinutes(5);
    private static final Duration LOOK_BACK = Duration.ofHours(24);
    /** Polls leased and queued together: one BatchWriteItem and one SendMessageBatch (whose limit it is). */
    private static final int BATCH = 10;

    private final PollScheduleStore schedule;
    private final SubscriptionRequests requests;
    private final Clock clock;

    public PollDueHandler() {
        this(FunctionEnvironment.system());
    }

    public PollDueHandler(FunctionEnvironment env) {
        this(env, new AwsClients(env));
    }

    private PollDueHandler(FunctionEnvironment env, AwsClients aws) {
        this(new PollScheduleStore(aws.dynamoDb(), env.require("TABLE_NAME")), new SubscriptionRequests(aws.sqs(),
                env.require("SUBSCRIPTIONS_QUEUE_URL")), Clock.systemUTC());
    }

    public PollDueHandler(PollScheduleStore schedule, SubscriptionRequests requests, Clock clock) {
        super("poll-due");
        this.schedule = schedule;
        this.requests = requests;
        this.clock = clock;
    }

    @Override
    protected String run(Deadline deadline) {
        return String.valueOf(handOver(deadline));
    }

    /** Leases then queues the due polls a batch at a time, until none is left or the deadline has passed. */
    private int handOver(Deadline deadline) {
        Instant now = clock.instant();
        List<String> due = schedule.due(now, LOOK_BACK, deadline);
        int handed = 0;
        int taken = 0;
        while (taken < due.size() && !deadline.passed()) {
            List<String> batch = due.subList(taken, Math.min(due.size(), taken + BATCH));
            schedule.scheduleAll(batch, now.plus(LEASE));
            // each poll is a journey of its own, followed from here to the events it finds; one SQS refused is
            // handed over again when its lease ends
            handed += requests.pollAll(batch).size();
            taken += batch.size();
        }
        Telemetry.count("PollsHanded", handed);
        Telemetry.info("polls handed to the subscriber", "polls", handed, "not_queued", taken - handed, "left_for_the_next_run", due.size() - taken);
        return handed;
    }
}
