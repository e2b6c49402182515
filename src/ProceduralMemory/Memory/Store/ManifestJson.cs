using System.Text.Json;
using ProceduralMemory.Memory.Keys;

namespace ProceduralMemory.Memory.Store;

/// <summary>
/// The manifest as the JSON text every store keeps in its meta row: readable with any database shell, and written and
/// read field by field so that the format does not depend on serializer conventions. Text written before domains and
/// key models were recorded (an <c>encoderSeed</c> member) reads as the grid domain with that seed's random projection.
/// </summary>
public static class ManifestJson
{
    /// <summary>The text of <paramref name="manifest"/>; equal manifests give equal text.</summary>
    /// <exception cref="ArgumentException">The manifest cannot be stored: missing names, more than 64 facts, a dimension that is not positive, a negative feature count, no domain or key model.</exception>
    public static string Write(LibraryManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentException.ThrowIfNullOrWhiteSpace(manifest.Domain);
        ArgumentException.ThrowIfNullOrWhiteSpace(manifest.KeyModel);
        ArgumentNullException.ThrowIfNull(manifest.FactNames);
        ArgumentNullException.ThrowIfNull(manifest.ActionNames);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(manifest.FactNames.Count, Environments.FactSchema.MaximumFacts);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(manifest.EmbeddingDimension);
        ArgumentOutOfRangeException.ThrowIfNegative(manifest.FeatureCount);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("domain", manifest.Domain);
            WriteNames(json, "facts", manifest.FactNames);
            WriteNames(json, "actions", manifest.ActionNames);
            json.WriteNumber("featureCount", manifest.FeatureCount);
            json.WriteNumber("embeddingDimension", manifest.EmbeddingDimension);
            json.WriteString("keyModel", manifest.KeyModel);
            json.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>The manifest written as <paramref name="text"/>.</summary>
    /// <exception cref="InvalidDataException">The text is not a manifest this build or an earlier one wrote.</exception>
    public static LibraryManifest Read(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            JsonElement root = document.RootElement;
            int features = root.GetProperty("featureCount").GetInt32();
            int dimension = root.GetProperty("embeddingDimension").GetInt32();
            string keyModel = root.TryGetProperty("keyModel", out JsonElement model)
                ? model.GetString() ?? throw new InvalidDataException("the key model is null")
                : RandomProjectionKeyProvider.IdOf(root.GetProperty("encoderSeed").GetUInt64(), dimension, features);
            string domain = root.TryGetProperty("domain", out JsonElement name)
                ? name.GetString() ?? throw new InvalidDataException("the domain is null")
                : LibraryManifest.GridDomain;
            return new LibraryManifest(domain, ReadNames(root.GetProperty("facts")), ReadNames(root.GetProperty("actions")),
                features, dimension, keyModel);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException($"malformed manifest: {e.Message}", e);
        }
    }

    private static void WriteNames(Utf8JsonWriter json, string property, IReadOnlyList<string> names)
    {
        json.WriteStartArray(property);
        foreach (string name in names)
            json.WriteStringValue(name);
        json.WriteEndArray();
    }

    private static string[] ReadNames(JsonElement array) =>
        [.. array.EnumerateArray().Select(e => e.GetString() ?? throw new InvalidDataException("a name is null"))];
}
