package dev.tracklight.aws.push;

/** What a tracking page receives over the WebSocket: {@code {"type":"view","view":{...}}}. */
public record ViewMessage(String type, Object view) {

    public ViewMessage(Object view) {
        this("view", view);
    }
}
