package io.soundbox.gateway.wallet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The accounts service's wallet API, as the original called it: {@code POST {accounts}/api/wallet/spend
 * {amount, currency:"aura", item, app_id:"soundbox", metadata:{job_id}}} with the user's bearer token.
 * A 2xx answer (without {@code "success": false}) is a charge; 402 and other 4xx answers are a refusal;
 * 5xx, timeouts and connection errors mean the wallet is unavailable. Refunds go to the configured
 * refund path with the same body plus the spend's transaction id and a reason.
 */
public final class HttpAuraWallet implements AuraWallet {
    private static final Logger LOG = Logger.getLogger(HttpAuraWallet.class);
    public static final String APP_ID = "soundbox";
    public static final String CURRENCY = "aura";

    private final HttpClient http;
    private final URI spendUrl;
    private final URI refundUrl;
    private final Duration timeout;
    private final ObjectMapper json;

    public HttpAuraWallet(HttpClient http, URI baseUrl, String spendPath, String refundPath, Duration timeout,
                          ObjectMapper json) {
        this.http = http;
        String base = baseUrl.toString().replaceAll("/+$", "");
        this.spendUrl = URI.create(base + spendPath);
        this.refundUrl = URI.create(base + refundPath);
        this.timeout = timeout;
        this.json = json;
    }

    @Override
    public Receipt spend(String userToken, Charge charge) {
        JsonNode answer = post(spendUrl, userToken, body(charge, null, null));
        if (answer != null && answer.path("success").isBoolean() && !answer.path("success").booleanValue()) {
            throw new WalletException.Refused(message(answer, "the wallet declined the charge"));
        }
        String tx = answer == null ? null : text(answer, "transaction_id", "transactionId", "id");
        return new Receipt(tx);
    }

    @Override
    public void refund(String userToken, Charge charge, Receipt receipt, String reason) {
        post(refundUrl, userToken, body(charge, receipt == null ? null : receipt.transactionId(), reason));
    }

    private Map<String, Object> body(Charge charge, String transactionId, String reason) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("job_id", charge.jobId());
        if (reason != null) {
            metadata.put("reason", reason);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("amount", charge.amount());
        body.put("currency", CURRENCY);
        body.put("item", charge.item());
        body.put("app_id", APP_ID);
        body.put("metadata", metadata);
        if (transactionId != null) {
            body.put("transaction_id", transactionId);
        }
        return body;
    }

    private JsonNode post(URI url, String userToken, Map<String, Object> body) {
        HttpResponse<String> response;
        try {
            HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout)
                    .header("Authorization", "Bearer " + userToken)
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)))
                    .build();
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new WalletException.Unavailable("wallet unreachable: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WalletException.Unavailable("interrupted", e);
        }
        JsonNode answer = parse(response.body());
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return answer;
        }
        if (status >= 400 && status < 500) {
            LOG.debugf("Wallet %s refused: %d %s", url, status, response.body());
            throw new WalletException.Refused(message(answer, status == 402 ? "not enough Aura"
                    : "the wallet declined the charge"));
        }
        throw new WalletException.Unavailable("wallet answered " + status, null);
    }

    private JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return json.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    /** The accounts service's own words, shortened and stripped of control characters. */
    private static String message(JsonNode answer, String fallback) {
        String m = answer == null ? null : text(answer, "error", "message", "detail");
        if (m == null || m.isBlank()) {
            return fallback;
        }
        m = m.replaceAll("\\p{Cntrl}", " ").strip();
        return m.length() > 200 ? m.substring(0, 200) + "…" : m;
    }

    private static String text(JsonNode node, String... names) {
        for (String n : names) {
            JsonNode v = node.get(n);
            if (v != null && (v.isTextual() || v.isNumber())) {
                return v.asText();
            }
        }
        return null;
    }
}
