package dev.recruitdesk.sandbox;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Reads a Bot API call's parameters from the query string and a form-urlencoded, multipart or JSON body. */
final class RequestParams {

    private RequestParams() {
    }

    static Map<String, String> read(HttpExchange exchange) throws IOException {
        Map<String, String> params = new LinkedHashMap<>();
        String query = exchange.getRequestURI().getRawQuery();
        if (query != null) {
            parseUrlEncoded(query, params);
        }
        byte[] body = exchange.getRequestBody().readAllBytes();
        if (body.length == 0) {
            return params;
        }
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        String text = new String(body, StandardCharsets.UTF_8);
        if (type.startsWith("multipart/form-data")) {
            parseMultipart(text, boundary(contentType), params);
        } else if (type.startsWith("application/json")) {
            parseJson(text, params);
        } else {
            parseUrlEncoded(text, params);
        }
        return params;
    }

    private static void parseUrlEncoded(String encoded, Map<String, String> into) {
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            into.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
    }

    /** Nested objects (reply_markup) become JSON text, as they would arrive in a form field. */
    private static void parseJson(String json, Map<String, String> into) {
        for (Map.Entry<String, JsonElement> e : JsonParser.parseString(json).getAsJsonObject().entrySet()) {
            JsonElement v = e.getValue();
            into.put(e.getKey(), v.isJsonPrimitive() ? v.getAsString() : v.toString());
        }
    }

    private static String boundary(String contentType) {
        for (String part : contentType.split(";")) {
            String p = part.trim();
            if (p.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
                String b = p.substring("boundary=".length());
                return b.startsWith("\"") && b.endsWith("\"") ? b.substring(1, b.length() - 1) : b;
            }
        }
        throw new IllegalArgumentException("multipart body without boundary");
    }

    /** Text fields only: the Bot API subset the fake speaks has no file uploads. */
    private static void parseMultipart(String body, String boundary, Map<String, String> into) {
        String delimiter = "--" + boundary;
        for (String part : body.split(Pattern.quote(delimiter))) {
            int headersEnd = part.indexOf("\r\n\r\n");
            if (headersEnd < 0) {
                continue;
            }
            String headers = part.substring(0, headersEnd);
            String name = dispositionName(headers);
            if (name == null) {
                continue;
            }
            String value = part.substring(headersEnd + 4);
            if (value.endsWith("\r\n")) {
                value = value.substring(0, value.length() - 2);
            }
            into.put(name, value);
        }
    }

    private static String dispositionName(String headers) {
        for (String line : headers.split("\r\n")) {
            if (!line.toLowerCase(Locale.ROOT).startsWith("content-disposition:")) {
                continue;
            }
            for (String attribute : line.split(";")) {
                String a = attribute.trim();
                if (a.startsWith("name=")) {
                    String n = a.substring("name=".length());
                    return n.startsWith("\"") && n.endsWith("\"") ? n.substring(1, n.length() - 1) : n;
                }
            }
        }
        return null;
    }
}
