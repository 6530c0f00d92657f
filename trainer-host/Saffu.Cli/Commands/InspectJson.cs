using System.Text.Json;
using Saffu.Runtime.Blob;
using Saffu.Training.Export;

namespace Saffu.Cli.Commands;

/// <summary>`saffu inspect --json`: one JSON object (docs/cli.md lists the keys); null for what could not be read.</summary>
internal static class InspectJson
{
    public static void Write(TextWriter output, string path, BlobInspection x)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            BlobLayout layout = x.Layout;
            json.WriteStartObject();
            json.WriteString("file", path);
            json.WriteNumber("bytes", x.Bytes.Length);
            json.WriteBoolean("loads", x.Load.Ok);
            VerifyJson.Error(json, x);
            Header(json, layout.Header);
            json.WriteStartArray("sections");
            foreach (BlobSection s in layout.Sections)
            {
                json.WriteStartObject();
                json.WriteNumber("kind", s.Kind);
                json.WriteString("name", s.Name);
                json.WriteBoolean("required", s.Required);
                json.WriteNumber("offset", s.Offset);
                json.WriteNumber("length", s.Length);
                json.WriteNumber("alignment", s.Alignment);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            Config(json, layout.Config);
            Decision(json, layout.Decision);
            Identity(json, x);
            Strings(json, "intents", layout.Intents);
            if (layout.VocabularyCount is { } v) json.WriteNumber("vocabulary_size", v); else json.WriteNull("vocabulary_size");
            Strings(json, "tag_labels", layout.TagLabels);
            Strings(json, "anchor_words", x.AnchorWords());
            ActionMap(json, x);
            if (x.Model is { } m) json.WriteNumber("ram_bytes", m.RamBytes); else json.WriteNull("ram_bytes");
            if (x.Macs() is { } macs)
            {
                json.WriteStartObject("macs_per_word");
                json.WriteNumber("first", macs.First);
                json.WriteNumber("full_context", macs.FullContext);
                json.WriteEndObject();
            }
            else json.WriteNull("macs_per_word");
            json.WriteEndObject();
        }
        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static void Header(Utf8JsonWriter json, BlobHeader? h)
    {
        if (h is null) { json.WriteNull("header"); return; }
        json.WriteStartObject("header");
        json.WriteString("magic", h.Magic);
        json.WriteNumber("version", h.Version);
        json.WriteNumber("header_size", h.HeaderSize);
        json.WriteNumber("total_length", h.TotalLength);
        json.WriteString("crc32", $"{h.StoredCrc:x8}");
        json.WriteBoolean("crc32_ok", h.CrcMatches);
        json.WriteNumber("section_count", h.SectionCount);
        json.WriteNumber("flags", h.Flags);
        json.WriteNumber("section_table_offset", h.TableOffset);
        json.WriteEndObject();
    }

    private static void Config(Utf8JsonWriter json, BlobConfig? c)
    {
        if (c is null) { json.WriteNull("config"); return; }
        json.WriteStartObject("config");
        json.WriteNumber("vocab_size", c.VocabSize);
        json.WriteNumber("bits", c.Bits);
        json.WriteNumber("max_popcount", c.MaxPopcount);
        json.WriteBoolean("prepend_sod", c.PrependSod);
        json.WriteBoolean("block", c.Block);
        json.WriteBoolean("radial", c.Radial);
        json.WriteBoolean("document", c.Document);
        json.WriteBoolean("tag_head", c.TagHead);
        json.WriteNumber("oov_id", c.OovId);
        Id(json, "sod_id", c.SodId);
        Id(json, "num_id", c.NumId);
        json.WriteNumber("label_dim", c.LabelDim);
        json.WriteNumber("intent_count", c.IntentCount);
        json.WriteNumber("block_size", c.BlockSize);
        json.WriteNumber("radial_size", c.RadialSize);
        json.WriteNumber("max_words", c.MaxWords);
        json.WriteEndObject();
    }

    private static void Decision(Utf8JsonWriter json, BlobDecision? d)
    {
        if (d is null) { json.WriteNull("decision"); return; }
        json.WriteStartObject("decision");
        Id(json, "none_intent", d.NoneIntent);
        json.WriteNumber("reject_threshold_q15", d.RejectThresholdQ15);
        json.WriteNumber("threshold", d.RejectThresholdQ15 / 32768.0);
        if (d.EarlyThresholdQ15 == BlobFormat.NoEarlyDecision) json.WriteNull("early_threshold_q15");
        else json.WriteNumber("early_threshold_q15", d.EarlyThresholdQ15);
        json.WriteNumber("early_min_words", d.EarlyMinWords);
        json.WriteNumber("temperature_q16", d.TemperatureQ16);
        json.WriteEndObject();
    }

    private static void Identity(Utf8JsonWriter json, BlobInspection x)
    {
        if (x.Layout.Identity is not { } id) { json.WriteNull("identity"); return; }
        json.WriteStartObject("identity");
        json.WriteString("content_hash", InspectReport.Hex(id.ContentHash));
        json.WriteBoolean("content_hash_ok", x.ContentHashMatches == true);
        json.WriteString("parent_hash", id.ParentHash.All(b => b == 0) ? null : InspectReport.Hex(id.ParentHash));
        json.WriteString("data_hash", InspectReport.Hex(id.DataHash));
        json.WriteNumber("created_unix_seconds", id.CreatedUnixSeconds);
        json.WriteString("trainer", id.Trainer);
        json.WriteEndObject();
    }

    private static void ActionMap(Utf8JsonWriter json, BlobInspection x)
    {
        if (x.Layout.ActionMapCounts is not { } map) { json.WriteNull("action_map"); return; }
        json.WriteStartObject("action_map");
        json.WriteNumber("lights", map.Lights);
        json.WriteNumber("areas", map.Areas);
        json.WriteNumber("colors", map.Colors);
        json.WriteNumber("step_phrases", map.Steps);
        json.WriteNumber("step_percent", map.StepPercent);
        if (x.Lights() is { } lights)
        {
            json.WriteStartArray("light_list");
            foreach (ActionMapLight light in lights)
            {
                json.WriteStartObject();
                json.WriteString("name", light.Name);
                json.WriteString("area", light.Area);
                json.WriteString("kind", light.Kind);
                json.WriteStartArray("pins");
                foreach (int pin in light.Pins) json.WriteNumberValue(pin);
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        json.WriteEndObject();
    }

    private static void Strings(Utf8JsonWriter json, string key, IReadOnlyList<string>? values)
    {
        if (values is null) { json.WriteNull(key); return; }
        json.WriteStartArray(key);
        foreach (string v in values) json.WriteStringValue(v);
        json.WriteEndArray();
    }

    private static void Id(Utf8JsonWriter json, string key, int id)
    {
        if (id == BlobFormat.NoId) json.WriteNull(key); else json.WriteNumber(key, id);
    }
}
