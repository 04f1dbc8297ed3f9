package org.gongnon.loadtest;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import tools.jackson.databind.json.JsonMapper;

/**
 * A browserless client that speaks Vaadin Flow's own client–server protocol (UIDL over HTTP, push off), as the
 * browser of one phone does: it loads the bootstrap page, asks for the UI ({@code ?v-r=init}), navigates, and
 * then sends property changes and DOM events in numbered messages, applying the server's changes to a mirror
 * of the element tree so that later steps can find elements by id, tag or property.
 *
 * <p>What it leaves out is what the server does not need: styles, scripts, the JavaScript the server asks the
 * browser to run, and the "-changed" echo events a browser sends after an element appears. One instance is one
 * browser tab with its own cookies; calls must not overlap (a browser sends one message at a time too).
 */
public final class VaadinClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Element data, properties, children, attributes, listeners, text, class list (Flow's feature ids). */
    private static final int ELEMENT_DATA = 0;
    private static final int PROPERTIES = 1;
    private static final int CHILDREN = 2;
    private static final int ATTRIBUTES = 3;
    private static final int LISTENERS = 4;
    private static final int TEXT = 7;
    private static final int CLASS_LIST = 11;

    private final HttpClient http;
    private final URI base;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private final Map<Integer, Node> nodes = new HashMap<>();
    /** Event data expressions by their hash; a key "}name" means the event synchronises property "name". */
    private final Map<String, Map<String, Object>> constants = new HashMap<>();
    private String csrfToken;
    private int uiId = -1;
    private int syncId;
    private int clientId;

    /** One element of the mirrored tree. */
    public static final class Node {
        final int id;
        String tag;
        boolean visible = true;
        final Map<String, Object> properties = new HashMap<>();
        final Map<String, Object> attributes = new HashMap<>();
        final Map<String, String> listeners = new HashMap<>();
        final List<Integer> children = new ArrayList<>();
        final List<Object> classes = new ArrayList<>();
        String text;

        Node(int id) {
            this.id = id;
        }

        public int id() {
            return id;
        }

        public String tag() {
            return tag;
        }

        public Object property(String name) {
            return properties.get(name);
        }

        public Object attribute(String name) {
            return attributes.get(name);
        }

        public boolean visible() {
            return visible;
        }
    }

    /** Thrown for anything a browser would show as a failure: an HTTP error, an expired session, a server error. */
    public static final class ProtocolException extends RuntimeException {
        public ProtocolException(String message) {
            super(message);
        }
    }

    public VaadinClient(HttpClient http, URI base) {
        this.http = http;
        this.base = base;
    }

    /** An HTTP client that several {@link VaadinClient}s may share; redirects are followed by hand. */
    public static HttpClient sharedHttpClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** GET of a plain page; returns the status and remembers the cookies it sets (the session). */
    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    /**
     * Opens a route as a browser does: the bootstrap page, the UI's initial state and the navigation to the
     * route, which renders the view.
     */
    public void open(String route) {
        HttpResponse<String> page = get(route);
        if (page.statusCode() != 200) {
            throw new ProtocolException("GET /" + route + " answered " + page.statusCode());
        }
        nodes.clear();
        String init = "?v-r=init&location=" + encode(route) + "&query="
                + "&v-sh=844&v-sw=390&v-wh=844&v-ww=390&v-bh=844&v-bw=390&v-curdate=" + System.currentTimeMillis()
                + "&v-tzo=-540&v-dstd=0&v-rtzo=-540&v-dston=false&v-tzid=Asia%2FSeoul&v-wn=v-" + Math.random()
                + "&v-td=true&v-pr=3&v-np=Linux&v-cs=light&v-pv=VISIBLE&v-fs=NOT_FULLSCREEN&v-so=portrait-primary"
                + "&v-soa=0&v-tn=lumo&v-ga=PROMPT&v-wla=SUPPORTED&v-ws=false";
        HttpResponse<String> response = send(HttpRequest.newBuilder(base.resolve(init)).GET());
        if (response.statusCode() != 200) {
            throw new ProtocolException("init answered " + response.statusCode());
        }
        Map<String, Object> appConfig = map(parse(response.body()).get("appConfig"));
        uiId = ((Number) appConfig.get("v-uiId")).intValue();
        Map<String, Object> uidl = map(appConfig.get("uidl"));
        csrfToken = (String) uidl.get("Vaadin-Security-Key");
        apply(uidl);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("route", "/" + route);
        data.put("query", "");
        data.put("appShellTitle", "");
        data.put("historyState", Map.of("idx", 0));
        data.put("trigger", "");
        send(List.of(event(1, "ui-navigate", data)));
    }

    /** Sets a property as the user's input does, with the event that makes the server take it. */
    public void setProperty(Node node, String property, Object value) {
        List<Map<String, Object>> rpc = new ArrayList<>();
        Map<String, Object> sync = new LinkedHashMap<>();
        sync.put("type", "mSync");
        sync.put("node", node.id);
        sync.put("feature", PROPERTIES);
        sync.put("property", property);
        sync.put("value", value);
        rpc.add(sync);
        node.listeners.forEach((event, hash) -> {
            if (constants.getOrDefault(hash, Map.of()).containsKey("}" + property)) {
                rpc.add(event(node.id, event, Map.of()));
            }
        });
        if (rpc.size() == 1) {
            throw new ProtocolException("<" + node.tag + "> does not synchronise '" + property + "'");
        }
        node.properties.put(property, value);
        send(rpc);
    }

    /** A click (or tap) on an element that listens for one. */
    public void click(Node node) {
        fire(node, "click");
    }

    /** Fires a DOM event the server listens to, with neutral event data (no modifier keys, no coordinates). */
    public void fire(Node node, String event) {
        String hash = node.listeners.get(event);
        if (hash == null) {
            throw new ProtocolException("<" + node.tag + " id=" + node.attributes.get("id") + "> has no '" + event
                    + "' listener");
        }
        Map<String, Object> data = new LinkedHashMap<>();
        constants.getOrDefault(hash, Map.of()).keySet().stream()
                .filter(k -> k.startsWith("event."))
                .forEach(k -> data.put(k, k.equals("event.detail") || k.equals("event.button") ? (Object) 0
                        : k.startsWith("event.client") || k.startsWith("event.screen") ? (Object) 0 : false));
        send(List.of(event(node.id, event, data)));
    }

    /** The attached element with this id attribute, if any. */
    public Optional<Node> byId(String id) {
        return find(n -> id.equals(n.attributes.get("id")));
    }

    public Node requireId(String id) {
        return byId(id).orElseThrow(() -> new ProtocolException("no element #" + id + " on the page"));
    }

    public Optional<Node> find(Predicate<Node> test) {
        return nodes.values().stream().filter(test).findFirst();
    }

    public List<Node> findAll(Predicate<Node> test) {
        return nodes.values().stream().filter(test).toList();
    }

    /** Descendants of {@code root} with the tag, in document order. */
    public List<Node> descendants(Node root, String tag) {
        List<Node> found = new ArrayList<>();
        collect(root, tag, found);
        return found;
    }

    private void collect(Node node, String tag, List<Node> found) {
        for (int childId : node.children) {
            Node child = nodes.get(childId);
            if (child == null) {
                continue;
            }
            if (tag.equals(child.tag)) {
                found.add(child);
            }
            collect(child, tag, found);
        }
    }

    /** The text of an element: its text-node children, joined. */
    public String text(Node node) {
        StringBuilder text = new StringBuilder();
        appendText(node, text);
        return text.toString();
    }

    private void appendText(Node node, StringBuilder text) {
        if (node.text != null) {
            text.append(node.text);
        }
        for (int childId : node.children) {
            Node child = nodes.get(childId);
            if (child != null) {
                appendText(child, text);
            }
        }
    }

    private static Map<String, Object> event(int node, String event, Map<String, Object> data) {
        Map<String, Object> rpc = new LinkedHashMap<>();
        rpc.put("type", "event");
        rpc.put("node", node);
        rpc.put("event", event);
        rpc.put("data", data);
        return rpc;
    }

    /** One message to the server, and its answer applied. */
    private void send(List<Map<String, Object>> rpc) {
        if (uiId < 0) {
            throw new ProtocolException("no UI: open a route first");
        }
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("csrfToken", csrfToken);
        message.put("rpc", rpc);
        message.put("syncId", syncId);
        message.put("clientId", clientId);
        HttpResponse<String> response = send(HttpRequest.newBuilder(base.resolve("?v-r=uidl&v-uiId=" + uiId))
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(message))));
        if (response.statusCode() != 200) {
            throw new ProtocolException("UIDL request answered " + response.statusCode());
        }
        apply(parse(response.body()));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        if (!cookies.isEmpty()) {
            request.header("Cookie", String.join("; ", cookies.entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).toList()));
        }
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            for (String header : response.headers().allValues("set-cookie")) {
                String pair = header.split(";", 2)[0];
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    cookies.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
                }
            }
            return response;
        } catch (IOException e) {
            throw new ProtocolException("connection failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProtocolException("interrupted");
        }
    }

    private static Map<String, Object> parse(String body) {
        String json = body.startsWith("for(;;);") ? body.substring("for(;;);".length()) : body;
        Object value = JSON.readValue(json, Object.class);
        if (value instanceof List<?> list && !list.isEmpty()) {
            value = list.getFirst();
        }
        if (!(value instanceof Map<?, ?>)) {
            throw new ProtocolException("not a UIDL answer: " + body.substring(0, Math.min(200, body.length())));
        }
        return map(value);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private void apply(Map<String, Object> uidl) {
        Map<String, Object> meta = uidl.get("meta") == null ? Map.of() : map(uidl.get("meta"));
        if (Boolean.TRUE.equals(meta.get("sessionExpired"))) {
            throw new ProtocolException("session expired");
        }
        if (meta.get("appError") != null) {
            throw new ProtocolException("application error: " + meta.get("appError"));
        }
        if (uidl.containsKey("resynchronize")) {
            throw new ProtocolException("server asked to resynchronise");
        }
        if (uidl.get("syncId") instanceof Number n) {
            syncId = n.intValue();
        }
        if (uidl.get("clientId") instanceof Number n) {
            clientId = n.intValue();
        }
        if (uidl.get("constants") instanceof Map<?, ?> c) {
            c.forEach((k, v) -> constants.put((String) k, v instanceof Map<?, ?> m ? map(m) : Map.of()));
        }
        if (!(uidl.get("changes") instanceof List<?> changes)) {
            return;
        }
        for (Object o : changes) {
            Map<String, Object> change = map(o);
            int nodeId = ((Number) change.get("node")).intValue();
            String type = (String) change.get("type");
            if ("attach".equals(type)) {
                nodes.put(nodeId, new Node(nodeId));
                continue;
            }
            if ("detach".equals(type)) {
                nodes.remove(nodeId);
                continue;
            }
            Node node = nodes.computeIfAbsent(nodeId, Node::new);
            int feature = change.get("feat") instanceof Number f ? f.intValue() : -1;
            String key = (String) change.get("key");
            switch (type) {
                case "put" -> put(node, feature, key, change.containsKey("nodeValue")
                        ? change.get("nodeValue") : change.get("value"));
                case "remove" -> remove(node, feature, key);
                case "clear" -> {
                    if (feature == CHILDREN) {
                        node.children.clear();
                    } else if (feature == CLASS_LIST) {
                        node.classes.clear();
                    }
                }
                case "splice" -> {
                    List<Object> list = feature == CHILDREN ? (List<Object>) (List<?>) node.children
                            : feature == CLASS_LIST ? node.classes : null;
                    if (list == null) {
                        continue;
                    }
                    int index = ((Number) change.get("index")).intValue();
                    int removed = change.get("remove") instanceof Number r ? r.intValue() : 0;
                    for (int i = 0; i < removed && index < list.size(); i++) {
                        list.remove(index);
                    }
                    List<Object> added = change.get("addNodes") instanceof List<?> a ? (List<Object>) a
                            : change.get("add") instanceof List<?> a2 ? (List<Object>) a2 : List.of();
                    for (Object add : added) {
                        list.add(index++, feature == CHILDREN ? ((Number) add).intValue() : add);
                    }
                }
                default -> {
                    // Other change types (e.g. for templates) do not occur in these views.
                }
            }
        }
    }

    private static void put(Node node, int feature, String key, Object value) {
        switch (feature) {
            case ELEMENT_DATA -> {
                if ("tag".equals(key)) {
                    node.tag = (String) value;
                } else if ("visible".equals(key)) {
                    node.visible = !Boolean.FALSE.equals(value);
                }
            }
            case PROPERTIES -> node.properties.put(key, value);
            case ATTRIBUTES -> node.attributes.put(key, value);
            case LISTENERS -> node.listeners.put(key, (String) value);
            case TEXT -> node.text = value == null ? null : String.valueOf(value);
            default -> {
                // Not needed to find or drive elements.
            }
        }
    }

    private static void remove(Node node, int feature, String key) {
        switch (feature) {
            case PROPERTIES -> node.properties.remove(key);
            case ATTRIBUTES -> node.attributes.remove(key);
            case LISTENERS -> node.listeners.remove(key);
            default -> {
                // Nothing mirrored.
            }
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
