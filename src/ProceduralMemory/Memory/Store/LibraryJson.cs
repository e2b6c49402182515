using System.Globalization;
using System.Text;
using System.Text.Json;
using ProceduralMemory.Environments;
using ProceduralMemory.Learning;
using ProceduralMemory.Memory.Domains;
using ProceduralMemory.Neural;

namespace ProceduralMemory.Memory.Store;

/// <summary>
/// The JSON form of a <see cref="LibraryDocument"/>, format <c>procmem-skill-library</c> version
/// <see cref="FormatVersion"/> (documented in docs/library-format.md). Facts and actions appear by name, numbers in
/// their shortest exact form, so a document reads back bit for bit. Reading validates everything and reports the
/// first problem with its JSON path; nothing read is ever executed.
/// </summary>
public static partial class LibraryJson
{
    /// <summary>The format's name, the value of the document's <c>format</c> member.</summary>
    public const string FormatName = "procmem-skill-library";

    /// <summary>
    /// The format version written, and the newest one read. Version 2 records the domain and key model (version 1's
    /// <c>encoder_seed</c> reads as the grid domain's random projection with that seed) and each skill's identity;
    /// version 3 the per-context lifecycle's state (<c>contexts</c>, absent when the library has none).
    /// </summary>
    public const int FormatVersion = 3;

    /// <summary>Writes <paramref name="document"/> as indented UTF-8 JSON (number arrays on one line each).</summary>
    public static void Write(Stream stream, LibraryDocument document)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(document);
        LibraryManifest manifest = document.Manifest;
        var facts = new FactSchema(manifest.FactNames);
        ISkillDomain domain = SkillDomains.Get(manifest.Domain);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("format", FormatName);
        json.WriteNumber("version", FormatVersion);
        json.WriteString("domain", manifest.Domain);
        WriteStrings(json, "facts", manifest.FactNames);
        WriteStrings(json, "actions", manifest.ActionNames);
        json.WriteNumber("feature_count", manifest.FeatureCount);
        json.WriteNumber("embedding_dimension", manifest.EmbeddingDimension);
        json.WriteString("key_model", manifest.KeyModel);
        // A trained key model travels with its keys (base64 of its stored bytes); optional, so older exports still read.
        if (document.KeyModelBytes is { } model)
            json.WriteBase64String("key_model_data", model);
        json.WriteNumber("episodes", document.Episodes);
        json.WriteStartArray("skills");
        foreach (var (skill, demonstrations) in document.Skills)
        {
            json.WriteStartObject();
            json.WriteNumber("id", skill.Id);
            json.WriteString("name", skill.Name);
            json.WriteString("identity", skill.IdentityUnder(domain));
            WriteCondition(json, "preconditions", skill.Preconditions, facts);
            WriteCondition(json, "effect", skill.Effect, facts);
            WritePolicy(json, skill.Policy, manifest);
            WriteNumbers(json, "key", skill.Key);
            json.WriteNumber("step_limit", skill.StepLimit);
            json.WriteNumber("uses", skill.Uses);
            json.WriteNumber("successes", skill.Successes);
            json.WriteNumber("demonstrations", skill.Demonstrations);
            json.WriteNumber("created_episode", skill.CreatedEpisode);
            // The lifecycle: optional on reading, so exports from before it read as active skills whose trial began at creation.
            json.WriteString("status", skill.Retired is null ? "active" : "retired");
            if (skill.Retired is { } retired)
            {
                json.WriteNumber("retired_episode", retired.Episode);
                json.WriteString("retired_reason", retired.Reason);
            }
            json.WriteNumber("trial_start_uses", skill.TrialStartUses);
            json.WriteNumber("trial_start_successes", skill.TrialStartSuccesses);
            // Only a variant has a label; exports from before variants read as base skills.
            if (skill.Variant is { } variant)
                json.WriteString("variant", variant);
            json.WriteStartArray("kept_demonstrations");
            foreach (var demonstration in demonstrations)
            {
                json.WriteStartArray();
                foreach (AgentStep step in demonstration)
                    WriteStep(json, step, manifest, facts);
                json.WriteEndArray();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        if (!document.ContextsOrEmpty.IsEmpty)
            WriteContexts(json, document.ContextsOrEmpty);
        json.WriteEndObject();
    }

    /// <summary>The per-context lifecycle's state (version 3): contexts in founding order, counts per skill and context, split marks.</summary>
    private static void WriteContexts(Utf8JsonWriter json, ContextState state)
    {
        json.WriteStartObject("contexts");
        json.WriteStartArray("founded");
        foreach (StoredContext context in state.Contexts)
        {
            json.WriteStartObject();
            json.WriteNumber("number", context.Number);
            json.WriteNumber("max_contexts", context.MaxContexts);
            json.WritePropertyName("similarity");
            json.WriteRawValue(context.Similarity.ToString(CultureInfo.InvariantCulture));
            WriteNumbers(json, "centroid", context.Centroid);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("counts");
        foreach (ContextCount count in state.Counts)
        {
            json.WriteStartObject();
            json.WriteNumber("skill", count.SkillId);
            json.WriteNumber("context", count.Context);
            json.WriteNumber("uses", count.Uses);
            json.WriteNumber("successes", count.Successes);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("splits");
        foreach (StoredSplit split in state.Splits)
        {
            json.WriteStartObject();
            json.WriteNumber("skill", split.SkillId);
            json.WriteNumber("context", split.Context);
            if (split.VariantId is { } variant)
                json.WriteNumber("variant", variant);
            json.WriteNumber("episode", split.Episode);
            json.WriteString("reason", split.Reason);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WritePolicy(Utf8JsonWriter json, StoredPolicy policy, LibraryManifest manifest)
    {
        json.WriteStartObject("policy");
        json.WriteString("kind", policy.Kind);
        policy.Codec.WriteJson(json, policy.Data, manifest);
        json.WriteEndObject();
    }

    private static void WriteStep(Utf8JsonWriter json, AgentStep step, LibraryManifest manifest, FactSchema facts)
    {
        json.WriteStartObject();
        // As text, like the other 64-bit values: a JSON reader that parses numbers as doubles would round it.
        json.WriteString("state", step.State.ToString(CultureInfo.InvariantCulture));
        WriteStrings(json, "facts", TrueFacts(step.Facts, facts));
        json.WriteString("action", manifest.ActionNames[step.Action]);
        json.WriteNumber("reward", step.Reward);
        WriteStrings(json, "next_facts", TrueFacts(step.NextFacts, facts));
        WriteNumbers(json, "features", step.Features);
        json.WriteEndObject();
    }

    private static void WriteCondition(Utf8JsonWriter json, string name, FactCondition condition, FactSchema facts)
    {
        json.WriteStartObject(name);
        for (int i = 0; i < facts.Count; i++)
            if ((condition.Mask & (1UL << i)) != 0)
                json.WriteBoolean(facts.Names[i], (condition.Values & (1UL << i)) != 0);
        json.WriteEndObject();
    }

    private static List<string> TrueFacts(ulong bits, FactSchema facts) =>
        Enumerable.Range(0, facts.Count).Where(i => (bits & (1UL << i)) != 0).Select(i => facts.Names[i]).ToList();

    private static void WriteStrings(Utf8JsonWriter json, string name, IReadOnlyList<string> values)
    {
        json.WriteStartArray(name);
        foreach (string value in values)
            json.WriteStringValue(value);
        json.WriteEndArray();
    }

    /// <summary>A float array on one line, each number in its shortest form that parses back to the same float.</summary>
    internal static void WriteNumbers(Utf8JsonWriter json, string name, ReadOnlySpan<float> values)
    {
        var text = new StringBuilder("[");
        for (int i = 0; i < values.Length; i++)
            text.Append(i == 0 ? "" : ", ").Append(values[i].ToString(CultureInfo.InvariantCulture));
        json.WritePropertyName(name);
        json.WriteRawValue(text.Append(']').ToString());
    }
}
