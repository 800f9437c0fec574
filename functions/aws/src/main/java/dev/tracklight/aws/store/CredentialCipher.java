package dev.tracklight.aws.store;

import dev.tracklight.aws.env.FunctionEnvironment;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Seals carrier credentials before they are stored: AES-256-GCM under a key derived (SHA-256) from the function's
 * {@code CARRIER_ACCOUNT_KEY}, which the template resolves from a generated Secrets Manager secret into a
 * KMS-encrypted environment. The tenant and source are the associated data, so a sealed value copied to another
 * tenant's item does not open. {@code CARRIER_ACCOUNT_KEY_PREVIOUS} still opens values sealed before a rotation;
 * every write seals with the current key.
 */
public final class CredentialCipher {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
    private final String currentId;

    public CredentialCipher(String currentKey, Optional<String> previousKey) {
        currentId = add(currentKey);
        previousKey.filter(key -> !key.isBlank()).ifPresent(this::add);
    }

    public static CredentialCipher from(FunctionEnvironment env) {
        return new CredentialCipher(env.require("CARRIER_ACCOUNT_KEY"), env.get("CARRIER_ACCOUNT_KEY_PREVIOUS"));
    }

    /** {@code <key id>:<base64 of iv and ciphertext>}. */
    public String seal(String plaintext, String tenantId, String source) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentId), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(associated(tenantId, source));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[iv.length + sealed.length];
            System.arraycopy(iv, 0, out, 0, iv.length);
            System.arraycopy(sealed, 0, out, iv.length, sealed.length);
            return currentId + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    /** Whether a sealed value was sealed with the current key (so a rotation need not seal it again). */
    public boolean sealedWithCurrent(String sealed) {
        return sealed.startsWith(currentId + ":");
    }

    /** @throws IllegalStateException when no key this function holds opens it, or it was sealed for another tenant */
    public String open(String sealed, String tenantId, String source) {
        int colon = sealed.indexOf(':');
        SecretKeySpec key = colon < 0 ? null : keys.get(sealed.substring(0, colon));
        if (key == null) {
            throw new IllegalStateException("the credentials were sealed with a key this function does not hold");
        }
        byte[] in = Base64.getDecoder().decode(sealed.substring(colon + 1));
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
            cipher.updateAAD(associated(tenantId, source));
            return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the credentials do not open for tenant " + tenantId + " at " + source, e);
        }
    }

    private String add(String material) {
        byte[] key = sha256(material.getBytes(StandardCharsets.UTF_8));
        String id = HexFormat.of().formatHex(sha256(key), 0, 4);
        keys.put(id, new SecretKeySpec(key, "AES"));
        return id;
    }

    private static byte[] associated(String tenantId, String source) {
        return (tenantId + "\u001f" + source).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
