package dev.tracklight.local.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Evaluates the intrinsic functions the template uses ({@code Ref}, {@code Fn::GetAtt}, {@code Fn::Sub},
 * {@code Fn::Join}) against what the local cloud created.
 */
public final class Intrinsics {

    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}!][^}]*)}");

    private final Function<String, String> ref;
    private final BiFunction<String, String, String> getAtt;

    public Intrinsics(Function<String, String> ref, BiFunction<String, String, String> getAtt) {
        this.ref = ref;
        this.getAtt = getAtt;
    }

    /** Resolves every intrinsic inside {@code value}, recursively. */
    @SuppressWarnings("unchecked")
    public Object resolve(Object value) {
        if (value instanceof Map<?, ?> map && map.size() == 1) {
            Map.Entry<String, Object> entry = ((Map<String, Object>) map).entrySet().iterator().next();
            switch (entry.getKey()) {
                case "Ref" -> {
                    return ref.apply((String) entry.getValue());
                }
                case "Fn::GetAtt" -> {
                    List<String> parts = (List<String>) entry.getValue();
                    return getAtt.apply(parts.get(0), parts.get(1));
                }
                case "Fn::Sub" -> {
                    return sub(entry.getValue());
                }
                case "Fn::Join" -> {
                    List<Object> args = (List<Object>) entry.getValue();
                    List<Object> items = (List<Object>) resolve(args.get(1));
                    return String.join((String) args.get(0), items.stream().map(String::valueOf).toList());
                }
                default -> {
                    // not an intrinsic: an ordinary one-key mapping
                }
            }
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put((String) k, resolve(v)));
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(item -> out.add(resolve(item)));
            return out;
        }
        return value;
    }

    public String resolveString(Object value) {
        return String.valueOf(resolve(value));
    }

    @SuppressWarnings("unchecked")
    private String sub(Object argument) {
        String text;
        Map<String, Object> variables = Map.of();
        if (argument instanceof List<?> list) {
            text = (String) list.get(0);
            variables = (Map<String, Object>) list.get(1);
        } else {
            text = (String) argument;
        }
        Matcher matcher = SUB_VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String replacement;
            if (variables.containsKey(name)) {
                replacement = resolveString(variables.get(name));
            } else if (name.contains(".") && !name.startsWith("AWS::")) {
                String[] parts = name.split("\\.", 2);
                replacement = getAtt.apply(parts[0], parts[1]);
            } else {
                replacement = ref.apply(name);
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
