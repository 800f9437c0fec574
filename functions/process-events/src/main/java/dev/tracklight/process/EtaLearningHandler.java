package dev.tracklight.process;

import dev.tracklight.aws.clients.AwsClients;
import dev.tracklight.aws.env.FunctionEnvironment;
import dev.tracklight.aws.observe.Telemetry;
import dev.tracklight.aws.schedule.Deadline;
import dev.tracklight.aws.schedule.ScheduleHandler;
import dev.tracklight.aws.store.EtaModelStore;

import java.time.Clock;

/**
 * Teaches the transit engines, on the template's schedule, the deliveries the processor kept as lessons: one
 * transaction per tenant and chunk instead of a model rewrite per delivery.
 */
public final class EtaLearningHandler extends ScheduleHandler {

    private final EtaModelStore models;

    public EtaLearningHandler() {
        this(FunctionEnvironment.system());
    }

    public EtaLearningHandler(FunctionEnvironment env) {
        this(new EtaModelStore(new AwsClients(env).dynamoDb(), env.require("TABLE_NAME"), Clock.systemUTC()));
    }

    public EtaLearningHandler(EtaModelStore models) {
        super("eta-learning");
        this.models = models;
    }

    @Override
    protected String run(Deadline deadline) {
        int taught = models.learnWaiting(deadline);
        Telemetry.count("DeliveriesLearnt", taught);
        Telemetry.info("deliveries learnt by the transit engines", "deliveries", taught);
        return String.valueOf(taught);
    }
}
