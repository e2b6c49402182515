using System.Text.Json;
using System.Text.Json.Nodes;

namespace ProceduralMemory.Tools.Tau;

/// <summary>
/// Replays recorded tasks on fresh databases and compares every call's output (as JSON values when both are JSON, else
/// as text), every changed record (and that no other record changed), and the final digest.
/// </summary>
public static class TauConformanceReplay
{
    /// <summary>Replays every trace against <paramref name="domain"/>.</summary>
    public static TauConformanceResult Replay(TauDomain domain, IEnumerable<TauConformanceTrace> traces)
    {
        ArgumentNullException.ThrowIfNull(domain);
        ArgumentNullException.ThrowIfNull(traces);
        var mismatches = new List<TauConformanceMismatch>();
        int tasks = 0, calls = 0, records = 0, digests = 0, failed = 0;
        foreach (TauConformanceTrace trace in traces)
        {
            int before = mismatches.Count;
            tasks++;
            TauDatabase database = domain.Database.Fork();
            for (int i = 0; i < trace.Calls.Count; i++)
            {
                TauConformanceCall recorded = trace.Calls[i];
                string actual = domain.Invoke(database, recorded.Call).Output;
                calls++;
                if (!SameOutput(recorded.Output, actual))
                    mismatches.Add(new(trace.Label, $"call {i} ({recorded.Call.Name})", recorded.Output, actual));
            }

            var changed = database.Changed();
            foreach (var (table, expectedRecords) in trace.Changed)
            {
                foreach (var (id, expected) in expectedRecords)
                {
                    records++;
                    JsonObject? actual = changed.TryGetValue(table, out var got) && got.TryGetValue(id, out JsonObject? record) ? record : null;
                    if (actual is null)
                        mismatches.Add(new(trace.Label, $"record {table}/{id}", expected.GetRawText(), "unchanged"));
                    else if (!PythonJson.ValueEquals(PythonJson.FromElement(expected), actual))
                        mismatches.Add(new(trace.Label, $"record {table}/{id}", expected.GetRawText(), PythonJson.Dumps(actual)));
                }
            }
            foreach (var (table, actualRecords) in changed)
                foreach (var (id, record) in actualRecords)
                    if (!(trace.Changed.TryGetValue(table, out var expectedRecords) && expectedRecords.ContainsKey(id)))
                        mismatches.Add(new(trace.Label, $"record {table}/{id}", "unchanged", PythonJson.Dumps(record)));

            digests++;
            string digest = database.Digest();
            if (digest != trace.FinalDigest)
                mismatches.Add(new(trace.Label, "digest", trace.FinalDigest, digest));
            if (mismatches.Count > before)
                failed++;
        }
        return new TauConformanceResult(tasks, calls, records, digests, failed, mismatches);
    }

    /// <summary>True when two outputs are equal JSON values (both JSON) or equal text.</summary>
    public static bool SameOutput(string expected, string actual)
    {
        if (expected == actual)
            return true;
        JsonNode? a = TryParse(expected), b = TryParse(actual);
        return a is not null && b is not null && PythonJson.ValueEquals(a, b);
    }

    private static JsonNode? TryParse(string text)
    {
        if (text.Length == 0 || text[0] is not ('{' or '['))
            return null;
        try
        {
            return PythonJson.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
