package dev.tracklight.core.notify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** What the page sends when a consumer asks for updates: an e-mail address or a phone number, and the page's language. */
public record SubscriptionRequest(String email, String phone, String lang) {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");
    /** E.164: a country code and the number, at most 15 digits, as SNS takes it. */
    private static final Pattern E164 = Pattern.compile("^\\+[1-9][0-9]{7,14}$");
    private static final int MAX_EMAIL = 254;

    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        boolean hasEmail = email != null && !email.isBlank();
        boolean hasPhone = phone != null && !phone.isBlank();
        if (hasEmail == hasPhone) {
            problems.add("send either email or phone");
        } else if (hasEmail && (email.trim().length() > MAX_EMAIL || !EMAIL.matcher(email.trim()).matches())) {
            problems.add("email must be an e-mail address such as ann@example.com");
        } else if (hasPhone && !E164.matcher(phoneDigits()).matches()) {
            problems.add("phone must be a number with its country code, such as +86 138 0013 8000");
        }
        return problems;
    }

    public NotifyChannel channel() {
        return email != null && !email.isBlank() ? NotifyChannel.EMAIL : NotifyChannel.SMS;
    }

    /** The address messages go to: the e-mail as typed (trimmed), the phone in E.164. */
    public String address() {
        return channel() == NotifyChannel.EMAIL ? email.trim() : phoneDigits();
    }

    /** zh-CN when the page was in Chinese, English otherwise: the languages the messages are written in. */
    public String locale() {
        return lang != null && lang.toLowerCase(Locale.ROOT).startsWith("zh") ? "zh-CN" : "en";
    }

    private String phoneDigits() {
        return phone.replaceAll("[\\s().-]", "");
    }
}
