package dev.tracklight.websocket;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;

/** Route responses: for {@code $connect}, any status but 2xx refuses the connection. */
final class WebSocketResponses {

    private WebSocketResponses() {
    }

    static APIGatewayV2WebSocketResponse status(int statusCode) {
        APIGatewayV2WebSocketResponse response = new APIGatewayV2WebSocketResponse();
        response.setStatusCode(statusCode);
        return response;
    }
}
