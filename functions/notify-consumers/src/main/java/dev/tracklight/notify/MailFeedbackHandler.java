package dev.tracklight.notify;

import com.amazonaws.services.lambda.runtime.Context;
import dev.tracklight.aws.clients.AwsClients;
import dev.tracklight.aws.env.FunctionEnvironment;
import dev.tracklight.aws.observe.Correlation;
import dev.tracklight.aws.observe.Telemetry;
import dev.tracklight.aws.runtime.EventHandler;
import dev.tracklight.core.notify.MailFeedback;

import java.util.List;
import java.util.Map;

/**
 * SNS target of the SES configuration set's event destination: ends the subscription of each permanent bounce and
 * complaint. Read as a map: SNS spells its fields {@code Sns}, {@code Message}, which the event JSON keeps as sent.
 */
public final class MailFeedbackHandler extends EventHandler<Map, Integer> {

    private final Telemetry telemetry = Telemetry.forService("notify-consumers");
    private final ConsumerNotifier notifier;

    public MailFeedbackHandler() {
        this(FunctionEnvironment.system());
    }

    public MailFeedbackHandler(FunctionEnvironment env) {
        this(ConsumerNotifications.notifier(env, new AwsClients(env)));
    }

    public MailFeedbackHandler(ConsumerNotifier notifier) {
        super(Map.class);
        this.notifier = notifier;
    }

    @Override
    public Integer handle(Map event, Context context) {
        return telemetry.around(context, Correlation.fresh(), () -> {
            int ended = 0;
            for (Object record : (List<?>) event.getOrDefault("Records", List.of())) {
                Object sns = record instanceof Map<?, ?> fields ? fields.get("Sns") : null;
                Object message = sns instanceof Map<?, ?> notification ? notification.get("Message") : null;
                if (message instanceof String text) {
                    ended += MailFeedback.of(text).map(notifier::feedback).orElse(false) ? 1 : 0;
                }
            }
            return ended;
        });
    }
}
