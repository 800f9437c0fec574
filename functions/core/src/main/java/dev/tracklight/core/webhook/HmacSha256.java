package dev.tracklight.core.webhook;

import dev.tracklight.core.problem.Problem;
import dev.tracklight.core.problem.ProblemException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

/** HMAC-SHA256 as webhook senders use it, with a comparison that takes the same time for any guess. */
public final class HmacSha256 {

    private HmacSha256() {
    }

    public static byte[] sign(String secret, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    public static String signHex(String secret, String message) {
        return HexFormat.of().formatHex(sign(secret, message));
    }

    public static String signBase64(String secret, String message) {
        return java.util.Base64.getEncoder().encodeToString(sign(secret, message));
    }

    /** @throws ProblemException 401 unless the request's {@code header} holds the base64 HMAC-SHA256 of its raw body */
    public static void requireBase64Header(WebhookRequest request, String header, String secret) throws ProblemException {
        if (!matchesBase64(secret, request.body(), request.header(header))) {
            throw new ProblemException(Problem.unauthorized("missing " + header + " header or it does not match the body"));
        }
    }

    /** An empty key signs nothing (the JDK refuses it): no signature can match it, and verifying never throws. */
    private static boolean usable(String secret) {
        return secret != null && !secret.isEmpty();
    }

    /** Constant-time comparison of a presented base64 signature with the expected one. */
    private static boolean matchesBase64(String secret, String message, String presentedBase64) {
        return usable(secret) && presentedBase64 != null && MessageDigest.isEqual(signBase64(secret, message).getBytes(StandardCharsets.US_ASCII),
                presentedBase64.trim().getBytes(StandardCharsets.US_ASCII));
    }

    /** Constant-time comparison of a presented hex signature with the expected one. */
    public static boolean matchesHex(String secret, String message, String presentedHex) {
        if (!usable(secret) || presentedHex == null) {
            return false;
        }
        byte[] expected = signHex(secret, message).getBytes(StandardCharsets.US_ASCII);
        byte[] presented = presentedHex.trim().toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, presented);
    }
}
