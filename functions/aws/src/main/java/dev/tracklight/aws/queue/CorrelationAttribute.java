package dev.tracklight.aws.queue;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.tracklight.aws.observe.Correlation;
import dev.tracklight.aws.observe.Telemetry;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

import java.util.HashMap;
import java.util.Map;

/** The correlation id crossing a queue as a message attribute: added where it is sent, read where it is received. */
public final class CorrelationAttribute {

    private CorrelationAttribute() {
    }

    /** {@code attributes} plus the current invocation's correlation id, when it has one. */
    public static Map<String, MessageAttributeValue> with(Map<String, MessageAttributeValue> attributes) {
        String correlationId = Telemetry.correlationId();
        if (correlationId == null) {
            return attributes;
        }
        Map<String, MessageAttributeValue> out = new HashMap<>(attributes);
        out.putAll(carrying(correlationId));
        return out;
    }

    /** The attribute carrying {@code correlationId}, for a message that starts a journey of its own. */
    public static Map<String, MessageAttributeValue> carrying(String correlationId) {
        return Map.of(Correlation.ATTRIBUTE, MessageAttributeValue.builder().dataType("String").stringValue(correlationId).build());
    }

    /** The id the sender attached, or a fresh one for a message sent without (by hand, or before ids existed). */
    public static String of(SQSEvent.SQSMessage message) {
        var attributes = message.getMessageAttributes();
        var attribute = attributes == null ? null : attributes.get(Correlation.ATTRIBUTE);
        return Correlation.accept(attribute == null ? null : attribute.getStringValue(), null);
    }
}
