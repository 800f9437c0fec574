package dev.tracklight.aws.notify;

import dev.tracklight.core.notify.ConsumerMessage;
import dev.tracklight.core.notify.MailFeedback;
import dev.tracklight.core.notify.NotifyChannel;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.Body;
import software.amazon.awssdk.services.sesv2.model.Content;
import software.amazon.awssdk.services.sesv2.model.MessageHeader;
import software.amazon.awssdk.services.sesv2.model.MessageTag;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;

import java.util.Map;

/**
 * Sends a consumer message: e-mail through Amazon SES (with RFC 8058 one-click unsubscribe headers, so mail clients
 * show their own "Unsubscribe"), texts through Amazon SNS as transactional SMS. A refusal raises, for the caller's retry.
 */
public final class ConsumerSender {

    private final SesV2Client ses;
    private final SnsClient sns;
    private final String fromAddress;
    private final String configurationSet;

    /** @param configurationSet the SES configuration set whose event destination reports bounces and complaints */
    public ConsumerSender(SesV2Client ses, SnsClient sns, String fromAddress, String configurationSet) {
        this.ses = ses;
        this.sns = sns;
        this.fromAddress = fromAddress;
        this.configurationSet = configurationSet;
    }

    /**
     * @param subscriberToken the tag SES hands back with a bounce or complaint, so the feedback finds the subscription
     * @param unsubscribeUrl  where a mail client's one-click unsubscribe posts; null for the confirmation, which subscribes nothing yet
     */
    public void send(NotifyChannel channel, String address, String subscriberToken, ConsumerMessage message, String unsubscribeUrl) {
        if (channel == NotifyChannel.SMS) {
            sns.publish(publish -> publish.phoneNumber(address).message(message.sms())
                    .messageAttributes(Map.of("AWS.SNS.SMS.SMSType", MessageAttributeValue.builder().dataType("String").stringValue("Transactional").build())));
            return;
        }
        ses.sendEmail(email -> email.fromEmailAddress(fromAddress).destination(to -> to.toAddresses(address))
                .configurationSetName(configurationSet)
                .emailTags(MessageTag.builder().name(MailFeedback.SUBSCRIBER_TAG).value(subscriberToken).build())
                .content(content -> content.simple(simple -> {
                    simple.subject(utf8(message.subject())).body(Body.builder().text(utf8(message.text())).html(utf8(message.html())).build());
                    if (unsubscribeUrl != null) {
                        simple.headers(MessageHeader.builder().name("List-Unsubscribe").value("<" + unsubscribeUrl + ">").build(),
                                MessageHeader.builder().name("List-Unsubscribe-Post").value("List-Unsubscribe=One-Click").build());
                    }
                })));
    }

    private static Content utf8(String text) {
        return Content.builder().data(text).charset("UTF-8").build();
    }
}
