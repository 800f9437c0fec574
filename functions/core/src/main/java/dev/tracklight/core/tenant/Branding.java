package dev.tracklight.core.tenant;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How a merchant's consumers see the merchant on the tracking page: the shop's name, its logo, its colour, and where
 * to ask. Everything here is public (the page shows it to anyone with the link), so it holds nothing else. The colour
 * must read as text on white at WCAG AA (4.5:1), because the page uses it for links and the progress bar.
 */
public record Branding(String name, String logoUrl, String primaryColor, String supportEmail, String supportPhone, String supportUrl,
                       List<Link> links) {

    public static final int MAX_NAME = 80;
    public static final int MAX_LINKS = 5;
    public static final int MAX_LABEL = 40;
    public static final int MAX_URL = 2048;
    /** WCAG 2.x AA for normal text. */
    public static final double MIN_CONTRAST_ON_WHITE = 4.5;

    private static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{6}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s<>\"]{1,64}@[^@\\s<>\"]+\\.[^@\\s<>\"]+");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ()\\-]{3,22}");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    /** A link the merchant wants on the page: returns, FAQ, the shop. */
    public record Link(String label, String url) {
    }

    public Branding {
        links = links == null ? List.of() : List.copyOf(links.stream().map(link -> link == null ? new Link(null, null) : link).toList());
    }

    /** What is wrong with this branding, each in words a merchant can act on; empty when it is valid. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (name == null || name.isBlank() || name.length() > MAX_NAME || CONTROL.matcher(name).find()) {
            problems.add("name is required: 1 to " + MAX_NAME + " characters, no control characters");
        }
        checkHttps("logoUrl", logoUrl, problems);
        if (primaryColor != null) {
            if (!COLOR.matcher(primaryColor).matches()) {
                problems.add("primaryColor must be a colour as #rrggbb");
            } else if (contrastOnWhite(primaryColor) < MIN_CONTRAST_ON_WHITE) {
                problems.add(String.format(Locale.ROOT, "primaryColor %s reads at %.2f:1 on white; the page needs at least %.1f:1 (WCAG AA)",
                        primaryColor, contrastOnWhite(primaryColor), MIN_CONTRAST_ON_WHITE));
            }
        }
        if (supportEmail != null && (supportEmail.length() > 254 || !EMAIL.matcher(supportEmail).matches())) {
            problems.add("supportEmail must be an e-mail address");
        }
        if (supportPhone != null && !PHONE.matcher(supportPhone).matches()) {
            problems.add("supportPhone must be a phone number: digits, spaces, ( ) and -, optionally starting with +");
        }
        checkHttps("supportUrl", supportUrl, problems);
        if (links.size() > MAX_LINKS) {
            problems.add("links holds at most " + MAX_LINKS + " links");
        }
        for (int i = 0; i < links.size(); i++) {
            Link link = links.get(i);
            if (link.label() == null || link.label().isBlank() || link.label().length() > MAX_LABEL || CONTROL.matcher(link.label()).find()) {
                problems.add("links[" + i + "].label is required: 1 to " + MAX_LABEL + " characters");
            }
            if (link.url() == null) {
                problems.add("links[" + i + "].url is required");
            } else {
                checkHttps("links[" + i + "].url", link.url(), problems);
            }
        }
        return problems;
    }

    /** The WCAG contrast ratio of {@code #rrggbb} against white. */
    public static double contrastOnWhite(String color) {
        double luminance = 0.2126 * channel(color, 1) + 0.7152 * channel(color, 3) + 0.0722 * channel(color, 5);
        return 1.05 / (luminance + 0.05);
    }

    private static double channel(String color, int at) {
        double value = Integer.parseInt(color.substring(at, at + 2), 16) / 255.0;
        return value <= 0.04045 ? value / 12.92 : Math.pow((value + 0.055) / 1.055, 2.4);
    }

    /** An absolute https URL with a host and no credentials: the page's CSP loads images over https only. */
    private static void checkHttps(String field, String url, List<String> problems) {
        if (url == null) {
            return;
        }
        try {
            URI uri = new URI(url);
            if (url.length() <= MAX_URL && "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null && uri.getRawUserInfo() == null) {
                return;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        problems.add(field + " must be an https URL with a host and no credentials, at most " + MAX_URL + " characters");
    }
}
