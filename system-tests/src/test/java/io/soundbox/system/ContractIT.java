package io.soundbox.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every path of the original Sound Box (docs/api.md), called through the running gateway
 * with the original's method, body and caller, checking the status and the names and types of the fields
 * a client written for the original reads. Ours may add fields; none of these may go missing.
 *
 * <p>The calls run in the order listed, so later calls can use what earlier ones created
 * ({@code {playlist}} is captured from the playlist-create answer).
 */
class ContractIT {
    private static final String ITEM = "id:string filename:string prompt:string model:string duration:number "
            + "category:array is_public:boolean upvotes:number downvotes:number play_count:number "
            + "created_at:string audio_url:string";
    private static final String PAGE = "items:array total:number page:number per_page:number pages:number";
    private static final String TRACKS = "tracks:array";

    private static SoundboxStack stack;
    private static Api api;
    private static final Map<String, String> vars = new HashMap<>();
    private static final Map<Who, String> tokens = new HashMap<>();

    enum Who { ANON, OWNER, OTHER, ADMIN }

    @BeforeAll
    static void fixtures() throws Exception {
        stack = SoundboxStack.shared();
        api = new Api(stack);
        tokens.put(Who.OWNER, stack.token("contract-alice", "premium"));
        tokens.put(Who.OTHER, stack.token("contract-bob", "free"));
        tokens.put(Who.ADMIN, stack.token("contract-root", "admin"));
        String owner = tokens.get(Who.OWNER);

        Api.Reply submitted = api.post("/generate", owner,
                "{\"prompt\":\"calm ambient piano with soft rain\",\"model\":\"music\",\"duration\":2}");
        assertThat(submitted.status()).as(submitted.text()).isEqualTo(202);
        String job = submitted.json().path("job_id").asText();
        JsonNode done = api.eventually(Duration.ofSeconds(90), () -> {
            JsonNode j = api.get("/job/" + job, owner).json();
            return j.path("status").asText().equals("completed") ? j : null;
        });
        vars.put("job", job);
        vars.put("gen", job);
        vars.put("file", done.path("filename").asText());
        vars.put("png", done.path("spectrogram").asText());
        api.eventually(Duration.ofSeconds(60), () -> api.get("/api/library/" + job, null).status() == 200 ? true : null);

        Api.Reply speech = api.post("/api/tts/generate", owner,
                "{\"text\":\"Welcome to the contract test.\",\"voice\":\"kevin16\",\"save_to_library\":true}");
        assertThat(speech.status()).as(speech.text()).isEqualTo(200);
        String speechId = speech.json().path("gen_id").asText();
        vars.put("speech", speechId);
        api.eventually(Duration.ofSeconds(60), () -> api.get("/api/library/" + speechId, null).status() == 200 ? true : null);
    }

    @TestFactory
    List<DynamicTest> everyPathOfTheOriginalAnswersWithItsFields() {
        List<Call> calls = List.of(
                // Generation and queue
                call("POST /generate", Who.OWNER, "{\"prompt\":\"short bright arcade jingle\",\"duration\":1,\"model\":\"music\",\"loop\":true}")
                        .status(200, 202).fields("success:boolean job_id:string position:number queue_message:string "
                                + "tier:string limits:object limits.max_duration:number limits.per_hour:number"),
                call("GET /job/{job}", Who.OWNER).status(200).fields("id:string status:string progress:number "
                        + "progress_pct:number filename:string? spectrogram:string? quality:object? error:string? "
                        + "position:number? retry_count:number skip:any"),
                call("GET /job/{job}", Who.OTHER).status(404).problem(),
                call("GET /status", Who.ANON).status(200).fields("models:object gpu:object gpu.name:string "
                        + "gpu.busy:boolean gpu.loaded_models:array queue_length:number queue_by_model:object "
                        + "estimated_wait:number"),
                call("GET /queue-status", Who.ANON).status(200).fields("queue_length:number"),
                call("GET /api/queue", Who.OWNER).status(200).fields("jobs:array"),
                call("GET /api/queue/skip-pricing", Who.ANON).status(200),
                call("POST /api/queue/{job}/cancel", Who.OWNER, null).status(409).problem(),
                call("POST /api/queue/{job}/cancel", Who.OTHER, null).status(404).problem(),
                call("POST /api/queue/{job}/skip", Who.OWNER, null).status(409).problem(),
                call("POST /random-prompt", Who.ANON, "{\"model\":\"music\"}").status(200).fields("prompt:string"),
                call("POST /random-prompt", Who.ANON, "{\"model\":\"audio\"}").status(200).fields("prompt:string"),
                // Files
                call("GET /audio/{file}", Who.ANON).status(200).contentType("audio/").header("Access-Control-Allow-Origin", "*"),
                call("GET /spectrogram/{png}", Who.ANON).status(200).contentType("image/png"),
                call("GET /download/{file}", Who.ANON).status(200).contentType("audio/")
                        .header("Content-Disposition", "attachment; filename=\"calm_ambient_piano_with_soft_r"),
                call("GET /audio/..%2F..%2Fetc%2Fpasswd", Who.ANON).status(400, 404).problem(),
                call("GET /track/{gen}", Who.ANON).status(200).contentType("text/html"),
                call("GET /widget/soundbox-radio.js", Who.ANON).status(200).contentType("javascript")
                        .header("Access-Control-Allow-Origin", "*"),
                call("GET /widget/soundbox-radio.css", Who.ANON).status(200).contentType("text/css"),
                // Library
                call("GET /api/library?page=1&per_page=5&model=music&sort=recent", Who.ANON).status(200)
                        .fields(PAGE).itemFields("items", ITEM),
                call("GET /api/library?search={gen}", Who.ANON).status(200).fields(PAGE).equal("items.0.id", "{gen}"),
                call("GET /api/library?search=%22NEAR(calm+OR+*%3Apiano+(", Who.ANON).status(200).fields(PAGE),
                call("GET /api/library?sort=popular&per_page=100", Who.ANON).status(200).fields(PAGE),
                call("GET /api/library?sort=rating&user_id=contract-alice", Who.ANON).status(200).fields(PAGE),
                call("GET /api/library?model=voice", Who.ANON).status(200).fields(PAGE),
                call("GET /api/library?category=ambient&model=music", Who.ANON).status(200).fields(PAGE),
                call("GET /api/library?per_page=101", Who.ANON).status(200, 400),
                call("GET /api/library/{gen}", Who.ANON).status(200).fields(ITEM),
                call("GET /api/library/counts", Who.ANON).status(200).fields("music:number audio:number voice:number"),
                call("GET /api/library/category-counts", Who.ANON).status(200),
                call("GET /api/categories/music", Who.ANON).status(200).fields("categories:array categories_with_counts:any"),
                call("GET /api/categories/audio", Who.ANON).status(200).fields("categories:array categories_with_counts:any"),
                call("GET /api/categories/voice", Who.ANON).status(200).fields("categories:array categories_with_counts:any"),
                // Votes and feedback
                call("POST /api/library/{gen}/vote", Who.OTHER, "{\"vote\":-1,\"feedback_reasons\":[\"too_simple\"],\"notes\":\"nice idea\"}")
                        .status(200).fields("upvotes:number downvotes:number user_vote:number"),
                call("POST /api/library/{gen}/vote", Who.OWNER, "{\"vote\":1}").status(200)
                        .fields("upvotes:number downvotes:number user_vote:number"),
                call("POST /api/library/{gen}/vote", Who.OWNER, "{\"vote\":7}").status(400).problem(),
                call("POST /api/library/{gen}/vote", Who.ANON, "{\"vote\":1}").status(401).problem(),
                call("POST /api/library/votes", Who.OWNER, "{\"ids\":[\"{gen}\",\"{speech}\"]}").status(200),
                call("GET /api/library/{gen}/feedback", Who.OWNER).status(200),
                // Tags
                call("POST /api/library/{gen}/suggest-tag", Who.OTHER, "{\"category\":\"jazz\",\"action\":\"add\"}").status(200),
                call("GET /api/library/{gen}/tag-suggestions", Who.OTHER).status(200),
                call("POST /api/library/{gen}/cancel-tag", Who.OTHER, "{\"category\":\"jazz\",\"action\":\"add\"}").status(200),
                // Mine
                call("GET /api/my-generations", Who.OWNER).status(200).fields("items:array").itemFields("items", ITEM),
                call("GET /api/my-generations", Who.ANON).status(401).problem(),
                call("GET /api/my-generations/storage", Who.OWNER).status(200).fields("limit:number? private_count:number"),
                call("POST /api/my-generations/cleanup", Who.OWNER, "{\"dry_run\":true}").status(200).fields("deleted:any"),
                // Favorites
                call("POST /api/favorites/{gen}", Who.OWNER, null).status(200, 201),
                call("GET /api/favorites", Who.OWNER).status(200).fields("items:array").itemFields("items", ITEM),
                call("POST /api/favorites/check", Who.OWNER, "{\"ids\":[\"{gen}\",\"{speech}\"]}").status(200),
                // Playlists
                call("POST /api/playlists", Who.OWNER, "{\"name\":\"Contract mix\",\"description\":\"calm\"}")
                        .status(200, 201).fields("id:string name:string").capture("playlist", "id"),
                call("POST /api/playlists", Who.OWNER, "{\"name\":\"" + "n".repeat(101) + "\"}").status(400).problem(),
                call("GET /api/playlists", Who.OWNER).status(200).fields("playlists:array"),
                call("POST /api/playlists/{playlist}/tracks", Who.OWNER, "{\"generation_id\":\"{gen}\"}").status(200, 201),
                call("POST /api/playlists/{playlist}/tracks", Who.OWNER, "{\"generation_id\":\"{speech}\"}").status(200, 201),
                call("GET /api/playlists/{playlist}", Who.OWNER).status(200).fields("id:string name:string tracks:array"),
                call("PUT /api/playlists/{playlist}", Who.OWNER, "{\"name\":\"Contract mix 2\"}").status(200),
                call("PUT /api/playlists/{playlist}", Who.OTHER, "{\"name\":\"hijack\"}").status(403, 404).problem(),
                call("PUT /api/playlists/{playlist}/reorder", Who.OWNER, "{\"track_order\":[\"{speech}\",\"{gen}\"]}").status(200),
                call("GET /api/radio/playlist/{playlist}?shuffle=true", Who.OWNER).status(200).fields(TRACKS),
                call("DELETE /api/playlists/{playlist}/tracks/{speech}", Who.OWNER).status(200, 204),
                // Plays and stats
                call("POST /api/track/{gen}/play", Who.ANON, "{\"session_id\":\"contract-s1\",\"duration\":2,\"source\":\"radio\"}")
                        .status(200).fields("play_count:number unique_plays:number"),
                call("POST /api/track/{gen}/play", Who.ANON, "{\"session_id\":\"contract-s1\",\"source\":\"nowhere\"}").status(400).problem(),
                call("GET /api/track/{gen}/stats", Who.ANON).status(200).fields("play_count:number"),
                call("GET /api/trending?hours=24&limit=5", Who.ANON).status(200),
                call("GET /api/most-played", Who.ANON).status(200),
                call("GET /api/stats", Who.ANON).status(200),
                call("GET /api/stats/user/contract-alice", Who.ANON).status(200),
                call("GET /api/stats/system", Who.ADMIN).status(200),
                call("GET /api/stats/system", Who.OWNER).status(403).problem(),
                call("GET /api/history/plays", Who.OWNER).status(200),
                call("GET /api/history/votes", Who.OWNER).status(200),
                // Radio
                call("GET /api/radio/shuffle?model=music&search=piano&count=3", Who.ANON).status(200).fields(TRACKS),
                call("GET /api/radio/next?session_id=contract-s1&exclude={speech}", Who.ANON).status(200).fields(TRACKS),
                call("GET /api/radio/favorites", Who.OWNER).status(200).fields(TRACKS),
                call("GET /api/radio/top-rated", Who.ANON).status(200).fields(TRACKS),
                call("GET /api/radio/new?hours=24", Who.ANON).status(200).fields(TRACKS),
                call("GET /api/radio?station=favorites&limit=5", Who.OWNER).status(200).fields(TRACKS),
                call("GET /api/radio?station=trending&limit=5", Who.ANON).status(200).fields(TRACKS),
                call("GET /api/radio?station=top-rated&limit=5", Who.ANON).status(200).fields(TRACKS),
                call("GET /api/radio?station=new&limit=5", Who.ANON).status(200).fields(TRACKS),
                call("GET /api/radio?station=ambient&limit=5", Who.ANON).status(200).fields(TRACKS),
                call("GET /api/radio?station=lofi&limit=5", Who.ANON).status(200).fields(TRACKS),
                call("GET /api/radio?station=retro&limit=5", Who.ANON).status(200).fields(TRACKS),
                call("GET /api/radio?station=piano&limit=5", Who.ANON).status(200).fields(TRACKS),
                call("GET /api/radio?station=happy&limit=5", Who.ANON).status(200).fields(TRACKS),
                call("GET /api/radio?station=dreamy&limit=5", Who.ANON).status(200).fields(TRACKS),
                call("GET /api/radio?station=shuffle&limit=5", Who.ANON).status(200).fields(TRACKS),
                // Graphlings sources
                call("POST /api/graphlings/set-source", Who.ADMIN, "{\"generation_id\":\"{gen}\",\"source\":\"contract-src\"}").status(200),
                call("POST /api/graphlings/set-source", Who.OWNER, "{\"generation_id\":\"{gen}\",\"source\":\"x\"}").status(403).problem(),
                call("GET /api/graphlings/sources", Who.ANON).status(200).fields("sources:array"),
                call("GET /api/graphlings/sources/contract-src", Who.ANON).status(200),
                call("GET /api/graphlings/library?source=contract-src", Who.ANON).status(200).fields(PAGE)
                        .equal("items.0.id", "{gen}"),
                call("GET /api/library?source=contract-src", Who.ANON).status(200).fields(PAGE).equal("items.0.id", "{gen}"),
                // Admin
                call("GET /api/admin/moderation", Who.ADMIN).status(200).fields("items:array"),
                call("GET /api/admin/moderation", Who.OWNER).status(403).problem(),
                call("POST /api/admin/moderate/{speech}", Who.ADMIN, "{\"action\":\"approve\"}").status(200),
                call("POST /api/admin/moderate/bulk", Who.ADMIN, "{\"ids\":[\"{speech}\"],\"action\":\"approve\"}").status(200),
                call("POST /api/admin/moderate/{speech}", Who.ADMIN, "{\"action\":\"explode\"}").status(400).problem(),
                call("GET /api/backup/status", Who.ADMIN).status(200),
                call("GET /api/backup/status", Who.OTHER).status(403).problem(),
                // Speech
                call("GET /api/voices", Who.ANON).status(200).fields("voices:array total:number").itemFields("voices",
                        "id:string name:string locale:string quality:string sample_rate:number commercial_ok:boolean "
                                + "license:string license_short:string attribution:string attribution_url:string? "
                                + "license_url:string? license_warning:any"),
                call("GET /api/voice-licenses", Who.ANON).status(200),
                call("GET /api/tts/sample/kevin16", Who.ANON).status(200).contentType("audio/"),
                call("POST /api/tts/generate", Who.OWNER, "{\"text\":\"Hello from the contract suite.\",\"voice\":\"kevin16\"}")
                        .status(200).fields("audio_base64:string duration:number voice:string"),
                call("POST /api/tts/generate", Who.OWNER, "{\"text\":\"Saved for later.\",\"voice\":\"kevin16\",\"save_to_library\":true}")
                        .status(200).fields("filename:string gen_id:string duration:number voice:string"),
                call("POST /api/tts/generate", Who.OWNER, "{\"text\":\"\",\"voice\":\"kevin16\"}").status(400).problem(),
                // Owner clean-up last: it removes fixtures.
                call("DELETE /api/favorites/{gen}", Who.OWNER).status(200, 204),
                call("DELETE /api/playlists/{playlist}", Who.OWNER).status(200, 204));

        List<DynamicTest> tests = new ArrayList<>();
        for (Call c : calls) {
            tests.add(DynamicTest.dynamicTest(c.who + " " + c.request, c::check));
        }
        return tests;
    }

    private static Call call(String request, Who who) {
        return new Call(request, who, null);
    }

    private static Call call(String request, Who who, String body) {
        return new Call(request, who, body == null && request.startsWith("POST") ? "{}" : body);
    }

    /** One call of the contract and what its answer must hold. */
    private static final class Call {
        private static final Pattern VAR = Pattern.compile("\\{([a-z]+)}");
        final String request;
        final Who who;
        final String body;
        final List<Integer> statuses = new ArrayList<>();
        final List<String> fields = new ArrayList<>();
        final Map<String, String> itemFields = new HashMap<>();
        final Map<String, String> headers = new HashMap<>();
        final Map<String, String> equal = new HashMap<>();
        String contentType;
        boolean problem;
        String captureName;
        String capturePath;

        Call(String request, Who who, String body) {
            this.request = request;
            this.who = who;
            this.body = body;
        }

        Call status(int... codes) {
            for (int c : codes) {
                statuses.add(c);
            }
            return this;
        }

        Call fields(String spec) {
            fields.addAll(List.of(spec.trim().split("\\s+")));
            return this;
        }

        /** Field specs every element of the named array must hold (checked on the first element). */
        Call itemFields(String array, String spec) {
            itemFields.put(array, spec);
            return this;
        }

        Call header(String name, String prefix) {
            headers.put(name, prefix);
            return this;
        }

        Call contentType(String fragment) {
            contentType = fragment;
            return this;
        }

        Call problem() {
            problem = true;
            return this;
        }

        Call equal(String path, String value) {
            equal.put(path, value);
            return this;
        }

        Call capture(String name, String path) {
            captureName = name;
            capturePath = path;
            return this;
        }

        void check() throws Exception {
            String[] parts = request.split(" ", 2);
            Api.Reply reply = api.send(parts[0], resolve(parts[1]), tokens.get(who), body == null ? null : resolve(body));
            String context = request + " as " + who + " -> " + reply.status() + " " + abbreviate(reply.text());
            assertThat(statuses).as(context).contains(reply.status());
            if (contentType != null) {
                assertThat(reply.header("content-type")).as(context).hasValueSatisfying(v -> assertThat(v).contains(contentType));
            }
            headers.forEach((name, prefix) -> assertThat(reply.header(name)).as(context + " header " + name)
                    .hasValueSatisfying(v -> assertThat(v).startsWith(prefix)));
            if (problem) {
                assertThat(reply.header("content-type")).as(context).hasValueSatisfying(
                        v -> assertThat(v).startsWith("application/problem+json"));
                JsonNode p = reply.json();
                assertThat(p.path("status").asInt()).as(context).isEqualTo(reply.status());
                assertThat(p.path("title").isTextual()).as(context + ": problem title").isTrue();
            }
            if (fields.isEmpty() && itemFields.isEmpty() && equal.isEmpty() && captureName == null) {
                return;
            }
            JsonNode json = reply.json();
            for (String spec : fields) {
                assertField(json, spec, context);
            }
            itemFields.forEach((array, spec) -> {
                JsonNode items = json.path(array);
                assertThat(items.isArray() && !items.isEmpty()).as(context + ": non-empty " + array).isTrue();
                for (String s : spec.trim().split("\\s+")) {
                    assertField(items.get(0), s, context + " " + array + "[0]");
                }
            });
            equal.forEach((path, value) -> assertThat(at(json, path).asText()).as(context + " " + path)
                    .isEqualTo(resolve(value)));
            if (captureName != null) {
                vars.put(captureName, at(json, capturePath).asText());
            }
        }

        private static void assertField(JsonNode json, String spec, String context) {
            String[] nameType = spec.split(":");
            String type = nameType[1];
            boolean nullable = type.endsWith("?");
            type = nullable ? type.substring(0, type.length() - 1) : type;
            JsonNode node = at(json, nameType[0]);
            assertThat(node.isMissingNode()).as(context + ": field '" + nameType[0] + "' present").isFalse();
            if (nullable && node.isNull() || type.equals("any")) {
                return;
            }
            boolean ok = switch (type) {
                case "string" -> node.isTextual();
                case "number" -> node.isNumber();
                case "boolean" -> node.isBoolean();
                case "array" -> node.isArray();
                case "object" -> node.isObject();
                default -> throw new IllegalArgumentException("unknown type " + type);
            };
            assertThat(ok).as(context + ": field '" + nameType[0] + "' is a " + type + " but is " + node).isTrue();
        }

        private static JsonNode at(JsonNode json, String path) {
            JsonNode node = json;
            for (String step : path.split("\\.")) {
                node = step.chars().allMatch(Character::isDigit) ? node.path(Integer.parseInt(step)) : node.path(step);
            }
            return node;
        }

        private static String resolve(String s) {
            Matcher m = VAR.matcher(s);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String v = vars.get(m.group(1));
                assertThat(v).as("fixture value {" + m.group(1) + "}").isNotNull();
                m.appendReplacement(out, Matcher.quoteReplacement(v));
            }
            return m.appendTail(out).toString();
        }

        private static String abbreviate(String s) {
            return s.length() > 400 ? s.substring(0, 400) + "..." : s;
        }
    }
}
