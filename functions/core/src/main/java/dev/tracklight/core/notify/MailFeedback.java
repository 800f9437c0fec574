package dev.tracklight.core.notify;

import dev.tracklight.core.json.JsonText;
import dev.tracklight.core.problem.ProblemException;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.Optional;

/**
 * What SES says came of an e-mail after it accepted it, as its event publishing sends it through SNS
 * (docs.aws.amazon.com/ses/latest/dg/event-publishing-retrieving-sns-examples.html): a permanent bounce or a
 * complaint ends the subscription it was sent to (the message's {@code subscriber} tag names it). A transient bounce
 * is SES's to retry, and every other event says nothing to act on.
 */
public record MailFeedback(Kind kind, String subscriberToken) {

    /** The tag every consumer e-mail carries: the subscriber's token. */
    public static final String SUBSCRIBER_TAG = "subscriber";

    public enum Kind {
        PERMANENT_BOUNCE,
        COMPLAINT
    }

    /** The feedback in an SES event record; empty for one that asks nothing of us, or that is not one. */
    public static Optional<MailFeedback> of(String sesEvent) {
        JsonObject event;
        try {
            JsonValue parsed = JsonText.parse(sesEvent);
            if (!(parsed instanceof JsonObject object)) {
                return Optional.empty();
            }
            event = object;
        } catch (RuntimeException | ProblemException notJson) {
            return Optional.empty();
        }
        String type = text(event, "eventType").or(() -> text(event, "notificationType")).orElse("");
        Kind kind = switch (type) {
            case "Bounce" -> event.get("bounce") instanceof JsonObject bounce && "Permanent".equals(text(bounce, "bounceType").orElse(null))
                    ? Kind.PERMANENT_BOUNCE : null;
            case "Complaint" -> Kind.COMPLAINT;
            default -> null;
        };
        if (kind == null || !(event.get("mail") instanceof JsonObject mail) || !(mail.get("tags") instanceof JsonObject tags)
                || !(tags.get(SUBSCRIBER_TAG) instanceof JsonArray values) || values.isEmpty() || !(values.get(0) instanceof JsonString token)) {
            return Optional.empty();
        }
        return Optional.of(new MailFeedback(kind, token.getString()));
    }

    private static Optional<String> text(JsonObject object, String field) {
        return object.get(field) instanceof JsonString value ? Optional.of(value.getString()) : Optional.empty();
    }
}
