package dev.tracklight.watchdog;

import dev.tracklight.aws.clients.AwsClients;
import dev.tracklight.aws.observe.Telemetry;
import dev.tracklight.aws.env.FunctionEnvironment;
import dev.tracklight.aws.schedule.Deadline;
import dev.tracklight.aws.schedule.ScheduleHandler;
import dev.tracklight.aws.store.ShipmentStore;
import dev.tracklight.aws.tracking.ShipmentTracker;

import java.time.Clock;

/** Runs {@link SlaWatchdog} on the template's schedule. */
public final class SlaWatchdogHandler extends ScheduleHandler {

    private final SlaWatchdog watchdog;

    public SlaWatchdogHandler() {
        this(FunctionEnvironment.system());
    }

    public SlaWatchdogHandler(FunctionEnvironment env) {
        this(wire(env, new AwsClients(env)));
    }

    public SlaWatchdogHandler(SlaWatchdog watchdog) {
        super("sla-watchdog");
        this.watchdog = watchdog;
    }

    private static SlaWatchdog wire(FunctionEnvironment env, AwsClients aws) {
        return new SlaWatchdog(new ShipmentStore(aws.dynamoDb(), env.require("TABLE_NAME")), ShipmentTracker.wire(env, aws),
                Clock.systemUTC());
    }

    @Override
    protected String run(Deadline deadline) {
        int judged = watchdog.run(deadline);
        Telemetry.count("ShipmentsJudgedWithoutScan", judged);
        Telemetry.info("shipments judged again without a scan", "shipments", judged);
        return String.valueOf(judged);
    }
}
