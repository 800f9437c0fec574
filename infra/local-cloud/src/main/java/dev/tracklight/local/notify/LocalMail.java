package dev.tracklight.local.notify;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.tracklight.core.json.Json;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

/**
 * E-mail on 127.0.0.1: a real SMTP server (GreenMail) whose mailbox the tests read, and in front of it Amazon SES v2's
 * {@code SendEmail} ({@code POST /v2/email/outbound-emails}), which relays each message over SMTP as SES would send it,
 * so the functions send with the real {@code SesV2Client}. A recipient at a {@code .invalid} domain is refused as SES
 * refuses an address it cannot send to; SES's mailbox simulator ({@code bounce@} and {@code complaint@simulator.amazonses.com})
 * is accepted and reported through the message's configuration set, as SES does, so a failure and its retries can be seen. {@code GET /_local/messages} lists the
 * mailbox for the browser tests.
 */
public final class LocalMail implements AutoCloseable {

    /** SES's mailbox simulator: accepted, then reported bounced for good or complained about, and never delivered. */
    static final String BOUNCE = "bounce@simulator.amazonses.com";
    static final String COMPLAINT = "complaint@simulator.amazonses.com";

    private final GreenMail smtp;
    private final HttpServer ses;
    private final Session session;
    private final java.util.function.BiConsumer<String, String> feedback;

    /** @param feedback gets each SES event record a configuration set publishes: the set's name and the record */
    public LocalMail(int smtpPort, int sesPort, java.util.function.BiConsumer<String, String> feedback) {
        this.feedback = feedback;
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", String.valueOf(smtp.getSmtp().getPort()));
        session = Session.getInstance(properties);
        try {
            ses = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), sesPort), 0);
        } catch (IOException e) {
            smtp.stop();
            throw new UncheckedIOException("the SES endpoint could not listen on " + sesPort, e);
        }
        ses.createContext("/", this::handle);
        ses.start();
    }

    /** What functions use as {@code AWS_ENDPOINT_URL_SESV2}. */
    public URI sesEndpoint() {
        return URI.create("http://127.0.0.1:" + ses.getAddress().getPort());
    }

    /** Every message the SMTP server received, as sent. */
    public List<MimeMessage> received() {
        return List.of(smtp.getReceivedMessages());
    }

    /** The mailbox for a browser test: each message's recipients, subject and text part. */
    private List<Map<String, Object>> mailbox() throws MessagingException, IOException {
        List<Map<String, Object>> messages = new java.util.ArrayList<>();
        for (MimeMessage message : received()) {
            MimeMultipart parts = (MimeMultipart) message.getContent();
            messages.add(Map.of("to", java.util.Arrays.stream(message.getAllRecipients()).map(String::valueOf).toList(),
                    "subject", message.getSubject(), "text", String.valueOf(parts.getBodyPart(0).getContent())));
        }
        return messages;
    }

    @SuppressWarnings("unchecked")
    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if ("GET".equals(exchange.getRequestMethod()) && exchange.getRequestURI().getPath().equals("/_local/messages")) {
                respond(exchange, 200, mailbox());
                return;
            }
            if (!"POST".equals(exchange.getRequestMethod()) || !exchange.getRequestURI().getPath().equals("/v2/email/outbound-emails")) {
                respond(exchange, 404, Map.of("message", "only SendEmail is served locally"));
                return;
            }
            Map<String, Object> request = Json.read(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8), Map.class);
            List<String> to = (List<String>) ((Map<String, Object>) request.get("Destination")).get("ToAddresses");
            if (to.stream().anyMatch(address -> address.toLowerCase(java.util.Locale.ROOT).endsWith(".invalid"))) {
                respond(exchange, 400, Map.of("message", "Address not verified or unreachable: " + to));
                return;
            }
            Map<String, Object> simple = (Map<String, Object>) ((Map<String, Object>) request.get("Content")).get("Simple");
            String messageId = UUID.randomUUID().toString();
            if (to.contains(BOUNCE) || to.contains(COMPLAINT)) {
                simulate(request, to, messageId);
            } else {
                relay((String) request.get("FromEmailAddress"), to, simple);
            }
            respond(exchange, 200, Map.of("MessageId", messageId));
        } catch (MessagingException | RuntimeException e) {
            respond(exchange, 500, Map.of("message", String.valueOf(e.getMessage())));
        }
    }

    /** The simulator's answer, as SES publishes it through the message's configuration set, with the message's tags. */
    @SuppressWarnings("unchecked")
    private void simulate(Map<String, Object> request, List<String> to, String messageId) {
        Object set = request.get("ConfigurationSetName");
        if (set == null) {
            return;
        }
        Map<String, List<String>> tags = new java.util.LinkedHashMap<>();
        tags.put("ses:configuration-set", List.of(String.valueOf(set)));
        for (Map<String, Object> tag : (List<Map<String, Object>>) request.getOrDefault("EmailTags", List.of())) {
            tags.put((String) tag.get("Name"), List.of((String) tag.get("Value")));
        }
        Map<String, Object> mail = Map.of("timestamp", java.time.Instant.now().toString(), "source", request.get("FromEmailAddress"),
                "messageId", messageId, "destination", to, "tags", tags);
        Map<String, Object> record = to.contains(BOUNCE)
                ? Map.of("eventType", "Bounce", "bounce", Map.of("bounceType", "Permanent", "bounceSubType", "General",
                        "bouncedRecipients", List.of(Map.of("emailAddress", BOUNCE, "action", "failed", "status", "5.1.1"))), "mail", mail)
                : Map.of("eventType", "Complaint", "complaint", Map.of("complainedRecipients", List.of(Map.of("emailAddress", COMPLAINT)),
                        "complaintFeedbackType", "abuse"), "mail", mail);
        feedback.accept(String.valueOf(set), Json.write(record));
    }

    @SuppressWarnings("unchecked")
    private void relay(String from, List<String> to, Map<String, Object> simple) throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(from));
        for (String address : to) {
            message.addRecipient(Message.RecipientType.TO, new InternetAddress(address));
        }
        message.setSubject(data(simple.get("Subject")), "UTF-8");
        Map<String, Object> body = (Map<String, Object>) simple.get("Body");
        MimeMultipart alternative = new MimeMultipart("alternative");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(data(body.get("Text")), "UTF-8");
        alternative.addBodyPart(text);
        if (body.get("Html") != null) {
            MimeBodyPart html = new MimeBodyPart();
            html.setContent(data(body.get("Html")), "text/html; charset=UTF-8");
            alternative.addBodyPart(html);
        }
        message.setContent(alternative);
        for (Map<String, Object> header : (List<Map<String, Object>>) simple.getOrDefault("Headers", List.of())) {
            message.addHeader((String) header.get("Name"), (String) header.get("Value"));
        }
        Transport.send(message);
    }

    @SuppressWarnings("unchecked")
    private static String data(Object content) {
        return content == null ? "" : String.valueOf(((Map<String, Object>) content).get("Data"));
    }

    private static void respond(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = Json.write(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        ses.stop(0);
        smtp.stop();
    }
}
