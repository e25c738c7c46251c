package io.soundbox.tts.api;

import io.soundbox.tts.speech.SpeechService;
import io.soundbox.tts.voice.VoiceCatalog;
import io.soundbox.tts.voice.VoiceEntry;
import io.soundbox.tts.voice.VoiceLicense;
import io.soundbox.tts.voice.VoiceLicenses;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The voice catalog and its licenses, at the original's paths: {@code GET /api/voices} (alias
 * {@code /api/tts/voices}), {@code GET /api/voice-licenses}, and {@code GET /api/tts/sample/{voice}}
 * (a cached WAV of the sample sentence). Blocking endpoints: they run on worker threads.
 */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class VoicesResource {
    private final VoiceCatalog catalog;
    private final VoiceLicenses licenses;
    private final SpeechService speech;

    public VoicesResource(VoiceCatalog catalog, VoiceLicenses licenses, SpeechService speech) {
        this.catalog = catalog;
        this.licenses = licenses;
        this.speech = speech;
    }

    @GET
    @Path("/voices")
    public Map<String, Object> voices() {
        String dflt = speech.defaultVoiceId();
        List<VoiceView> views = catalog.list().stream()
                .map(v -> VoiceView.of(v, licenses.forVoice(v.id()), v.id().equals(dflt)))
                .toList();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("voices", views);
        out.put("total", views.size());
        out.put("default_voice", dflt);
        return out;
    }

    @GET
    @Path("/tts/voices")
    public Map<String, Object> ttsVoices() {
        return voices();
    }

    @GET
    @Path("/voice-licenses")
    public Map<String, Object> voiceLicenses() {
        Map<String, Object> byVoice = new LinkedHashMap<>();
        int commercial = 0;
        for (VoiceEntry v : catalog.list()) {
            VoiceLicense l = licenses.forVoice(v.id());
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", v.id());
            row.put("name", l.name() != null ? l.name() : v.name());
            row.put("commercial_ok", l.commercialOk());
            row.put("license", l.license());
            row.put("license_short", l.licenseShort());
            row.put("attribution", l.attribution());
            row.put("attribution_url", l.attributionUrl());
            row.put("license_url", l.licenseUrl());
            row.put("license_warning", l.licenseWarning());
            byVoice.put(v.id(), row);
            commercial += l.commercialOk() ? 1 : 0;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("licenses", byVoice);
        out.put("total", byVoice.size());
        out.put("commercial_ok_count", commercial);
        return out;
    }

    @GET
    @Path("/tts/sample/{voice}")
    @Produces("audio/wav")
    public Response sample(@PathParam("voice") String voice, @QueryParam("speaker") String speaker) {
        byte[] wav = speech.sample(voice, speaker);
        CacheControl cache = new CacheControl();
        cache.setMaxAge(3600);
        return Response.ok(wav, "audio/wav").cacheControl(cache).build();
    }
}
