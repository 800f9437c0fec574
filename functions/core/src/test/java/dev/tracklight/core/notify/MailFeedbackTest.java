package dev.tracklight.core.notify;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** SES event records as the SES developer guide's examples show them (event publishing through a configuration set). */
class MailFeedbackTest {

    private static String event(String type, String body) {
        return """
                {"eventType":"%s",%s,"mail":{"timestamp":"2017-08-05T00:40:02.012Z","source":"updates@track.example.com",
                 "messageId":"EXAMPLE7c191be45","destination":["recipient@example.com"],
                 "tags":{"ses:configuration-set":["ConsumerMail"],"subscriber":["tok_abc-123"]}}}""".formatted(type, body);
    }

    @Test
    void aPermanentBounceAndAComplaintEndTheSubscriptionTheirTagNames() {
        assertThat(MailFeedback.of(event("Bounce", """
                "bounce":{"bounceType":"Permanent","bounceSubType":"General","bouncedRecipients":[{"emailAddress":"recipient@example.com",
                 "action":"failed","status":"5.1.1","diagnosticCode":"smtp; 550 5.1.1 user unknown"}]}""")))
                .contains(new MailFeedback(MailFeedback.Kind.PERMANENT_BOUNCE, "tok_abc-123"));
        assertThat(MailFeedback.of(event("Complaint", """
                "complaint":{"complainedRecipients":[{"emailAddress":"recipient@example.com"}],"complaintFeedbackType":"abuse"}""")))
                .contains(new MailFeedback(MailFeedback.Kind.COMPLAINT, "tok_abc-123"));
    }

    @Test
    void aTransientBounceADeliveryAnUntaggedMailAndNotJsonAskNothing() {
        assertThat(MailFeedback.of(event("Bounce", "\"bounce\":{\"bounceType\":\"Transient\",\"bounceSubType\":\"MailboxFull\"}"))).isEmpty();
        assertThat(MailFeedback.of(event("Delivery", "\"delivery\":{\"recipients\":[\"recipient@example.com\"]}"))).isEmpty();
        assertThat(MailFeedback.of("{\"eventType\":\"Complaint\",\"mail\":{\"tags\":{}}}")).isEmpty();
        assertThat(MailFeedback.of("not json")).isEmpty();
        assertThat(MailFeedback.of("[1]")).isEmpty();
    }
}
