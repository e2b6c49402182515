using System.Globalization;
using System.Text.Json;
using ProceduralMemory.Agents.Perception;
using ProceduralMemory.Environments;
using ProceduralMemory.Learning;
using ProceduralMemory.Memory.Domains;
using ProceduralMemory.Memory.Keys;
using ProceduralMemory.Memory.Policies;
using ProceduralMemory.Neural;

namespace ProceduralMemory.Memory.Store;

public static partial class LibraryJson
{
    /// <summary>
    /// Reads and validates a document: format and version; unique fact and action names; every condition, policy
    /// action and demonstration step naming known facts and actions; network and key shapes that fit the manifest;
    /// finite numbers; non-negative counts with successes at most uses; one skill per identity under the domain's rule.
    /// </summary>
    /// <exception cref="LibraryException">The first problem found, with its JSON path (e.g. <c>$.skills[2].key[5]</c>).</exception>
    public static LibraryDocument Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        JsonDocument parsed;
        try
        {
            // Deep enough for a procedure (its steps' value sources and its demonstrations' JSON arguments sit nine levels down).
            parsed = JsonDocument.Parse(stream, new JsonDocumentOptions { MaxDepth = 32 });
        }
        catch (JsonException e)
        {
            throw new LibraryException($"not valid JSON: {e.Message}", e);
        }
        using (parsed)
            return ReadDocument(new Node(parsed.RootElement, "$"));
    }

    private static LibraryDocument ReadDocument(Node root)
    {
        string format = root["format"].String();
        if (format != FormatName)
            throw root["format"].Invalid($"is '{format}', not '{FormatName}'");
        int version = root["version"].Int(minimum: 1);
        if (version > FormatVersion)
            throw root["version"].Invalid($"is {version}: written by a newer procmem (this build reads version {FormatVersion})");

        // A domain without facts (tool use) has none.
        IReadOnlyList<string> factNames = root["facts"].Names(maximum: FactSchema.MaximumFacts, minimum: 0);
        IReadOnlyList<string> actionNames = root["actions"].Names(maximum: int.MaxValue);
        int featureCount = root["feature_count"].Int(minimum: 0), dimension = root["embedding_dimension"].Int(minimum: 1);
        var manifest = version == 1
            ? new LibraryManifest(LibraryManifest.GridDomain, factNames, actionNames, featureCount, dimension,
                RandomProjectionKeyProvider.IdOf(root["encoder_seed"].UInt64Text(), dimension, featureCount))
            : new LibraryManifest(root["domain"].String(), factNames, actionNames, featureCount, dimension, root["key_model"].String());
        ISkillDomain domain;
        try
        {
            domain = SkillDomains.Get(manifest.Domain);
        }
        catch (LibraryException e)
        {
            throw root["domain"].Invalid($"is unknown: {e.Message}");
        }
        long episodes = root["episodes"].Long(minimum: 0);
        byte[]? keyModelBytes = KeyModelBytes(root, manifest);
        var schema = new FactSchema(manifest.FactNames);

        var skills = new List<NewSkill>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (Node node in root["skills"].Items())
        {
            var skill = new SkillRecord
            {
                Id = node["id"].Int(minimum: 0),
                Name = node["name"].String(),
                Preconditions = node["preconditions"].Condition(schema),
                Effect = node["effect"].Condition(schema),
                Policy = node["policy"].Policy(manifest),
                Key = node["key"].Floats(manifest.EmbeddingDimension),
                StepLimit = node["step_limit"].Int(minimum: 1),
                Uses = node["uses"].Int(minimum: 0),
                Successes = node["successes"].Int(minimum: 0),
                Demonstrations = node["demonstrations"].Int(minimum: 0),
                CreatedEpisode = node["created_episode"].Long(minimum: 0),
                Retired = node.Has("status") && node["status"].Choice("active", "retired") == "retired"
                    ? new SkillRetirement(node["retired_episode"].Long(minimum: 0), node["retired_reason"].String())
                    : null,
                TrialStartUses = node.Has("trial_start_uses") ? node["trial_start_uses"].Int(minimum: 0) : 0,
                TrialStartSuccesses = node.Has("trial_start_successes") ? node["trial_start_successes"].Int(minimum: 0) : 0,
                Variant = node.Has("variant") ? node["variant"].String() : null,
            };
            if (string.IsNullOrWhiteSpace(skill.Name))
                throw node["name"].Invalid("is empty");
            if (skill.Variant is { } variant && string.IsNullOrWhiteSpace(variant))
                throw node["variant"].Invalid("is empty");
            if (skill.Successes > skill.Uses)
                throw node["successes"].Invalid($"is {skill.Successes}, more than the {skill.Uses} uses");
            if (skill.TrialStartUses > skill.Uses || skill.TrialStartSuccesses > skill.Successes || skill.TrialStartSuccesses > skill.TrialStartUses)
                throw node["trial_start_uses"].Invalid($"and trial_start_successes are {skill.TrialStartUses} and {skill.TrialStartSuccesses}; they must lie within the skill's counts, successes within uses");
            if (skill.Retired is { Reason: var reason } && string.IsNullOrWhiteSpace(reason))
                throw node["retired_reason"].Invalid("is empty; a retired skill says why");
            if (skill.Key.All(v => v == 0))
                throw node["key"].Invalid("is all zeros; a key needs a direction");
            string identity = skill.IdentityUnder(domain);
            if (version > 1 && node["identity"].String() != identity)
                throw node["identity"].Invalid($"is '{node["identity"].String()}', but the {domain.Name} domain's rule gives '{identity}'");
            if (!seen.TryAdd(identity, skills.Count))
                throw node.Invalid($"is the same skill as $.skills[{seen[identity]}] under the {domain.Name} domain's rule (identity '{identity}'); a library holds one skill per identity");
            var demonstrations = node["kept_demonstrations"].Items()
                .Select(d => (IReadOnlyList<AgentStep>)d.Items().Select(s => s.Step(manifest, schema)).ToList()).ToList();
            skills.Add(new NewSkill(skill, demonstrations));
        }
        ContextState? contexts = version >= 3 && root.Has("contexts") ? ReadContexts(root["contexts"], manifest, skills) : null;
        return new LibraryDocument(manifest, episodes, skills, keyModelBytes, contexts);
    }

    /// <summary>
    /// The per-context lifecycle's state (version 3): contexts numbered 0, 1, ... in founding order, each with a centroid
    /// of the key dimension; counts and splits of the document's skills in founded contexts, one per skill and context.
    /// </summary>
    private static ContextState ReadContexts(Node node, LibraryManifest manifest, List<NewSkill> skills)
    {
        var ids = skills.Select(s => s.Skill.Id).ToHashSet();
        var contexts = new List<StoredContext>();
        foreach (Node item in node["founded"].Items())
        {
            int number = item["number"].Int(minimum: 0);
            if (number != contexts.Count)
                throw item["number"].Invalid($"is {number}; contexts are numbered in founding order, so this one is {contexts.Count}");
            float similarity = item["similarity"].Float();
            if (similarity is < -1 or > 1)
                throw item["similarity"].Invalid($"is {similarity}; a cosine similarity lies in [-1, 1]");
            float[] centroid = item["centroid"].Floats(manifest.EmbeddingDimension);
            if (centroid.All(v => v == 0))
                throw item["centroid"].Invalid("is all zeros; a centroid needs a direction");
            contexts.Add(new StoredContext(number, centroid, item["max_contexts"].Int(minimum: 1), similarity));
        }
        int Context(Node item)
        {
            int context = item["context"].Int(minimum: 0);
            return context < contexts.Count ? context : throw item["context"].Invalid($"is {context}; only {contexts.Count} contexts were founded");
        }
        int Skill(Node item, string name)
        {
            int id = item[name].Int(minimum: 0);
            return ids.Contains(id) ? id : throw item[name].Invalid($"is {id}, not the id of a skill in $.skills");
        }
        var counts = new List<ContextCount>();
        foreach (Node item in node["counts"].Items())
        {
            var count = new ContextCount(Skill(item, "skill"), Context(item), item["uses"].Int(minimum: 0), item["successes"].Int(minimum: 0));
            if (count.Successes > count.Uses)
                throw item["successes"].Invalid($"is {count.Successes}, more than the {count.Uses} uses");
            if (counts.Any(c => (c.SkillId, c.Context) == (count.SkillId, count.Context)))
                throw item.Invalid($"counts skill {count.SkillId} in context {count.Context} a second time");
            counts.Add(count);
        }
        var splits = new List<StoredSplit>();
        foreach (Node item in node["splits"].Items())
        {
            var split = new StoredSplit(Skill(item, "skill"), Context(item), item.Has("variant") ? Skill(item, "variant") : null,
                item["episode"].Long(minimum: 0), item["reason"].String());
            if (string.IsNullOrWhiteSpace(split.Reason))
                throw item["reason"].Invalid("is empty; a split says why");
            if (splits.Any(s => (s.SkillId, s.Context) == (split.SkillId, split.Context)))
                throw item.Invalid($"splits context {split.Context} off skill {split.SkillId} a second time");
            splits.Add(split);
        }
        return new ContextState { Contexts = contexts, Counts = counts, Splits = splits };
    }

    /// <summary>The stored key model's bytes, if any; a situation encoder's must be there and be the model the manifest names.</summary>
    private static byte[]? KeyModelBytes(Node root, LibraryManifest manifest)
    {
        bool encoder = manifest.KeyModel.StartsWith(SituationEncoderKeyProvider.ModelName + " ", StringComparison.Ordinal);
        if (!root.Has("key_model_data"))
            return encoder ? throw root["key_model_data"].Invalid("is needed: the keys come from a trained situation encoder") : null;
        Node data = root["key_model_data"];
        if (data.Element.ValueKind != JsonValueKind.String || !data.Element.TryGetBytesFromBase64(out byte[]? bytes) || bytes.Length == 0)
            throw data.Invalid("is not the base64 of a key model");
        if (!encoder)
            return bytes;
        SituationEncoderKeyProvider provider;
        try
        {
            provider = new SituationEncoderKeyProvider(StandardizedEncoderCodec.Decode(bytes));
        }
        catch (InvalidDataException e)
        {
            throw data.Invalid($"is damaged ({e.Message})");
        }
        return provider.ModelId == manifest.KeyModel && provider.Dimension == manifest.EmbeddingDimension
            ? bytes
            : throw data.Invalid($"holds the model '{provider.ModelId}', not the key model '{manifest.KeyModel}' of dimension {manifest.EmbeddingDimension}");
    }

    /// <summary>A JSON value and its path, with readers that fail with that path in the message.</summary>
    internal readonly record struct Node(JsonElement Element, string Path)
    {
        public Node this[string name] => Element.ValueKind == JsonValueKind.Object && Element.TryGetProperty(name, out JsonElement value)
            ? new Node(value, $"{Path}.{name}")
            : throw new LibraryException($"{Path}.{name} is missing");

        public LibraryException Invalid(string problem) => new($"{Path} {problem}");

        /// <summary>Whether this object has member <paramref name="name"/> (for members later versions of the format added).</summary>
        public bool Has(string name) => Element.ValueKind == JsonValueKind.Object && Element.TryGetProperty(name, out _);

        /// <summary>This string, which must be one of <paramref name="allowed"/>.</summary>
        public string Choice(params string[] allowed)
        {
            string value = String();
            return allowed.Contains(value) ? value : throw Invalid($"is '{value}'; it must be {string.Join(" or ", allowed.Select(a => $"'{a}'"))}");
        }

        public IEnumerable<Node> Items()
        {
            Expect(JsonValueKind.Array, "an array");
            int i = 0;
            foreach (JsonElement item in Element.EnumerateArray())
                yield return new Node(item, $"{Path}[{i++}]");
        }

        public string String()
        {
            Expect(JsonValueKind.String, "a string");
            return Element.GetString()!;
        }

        public long Long(long minimum)
        {
            if (Element.ValueKind != JsonValueKind.Number || !Element.TryGetInt64(out long value))
                throw Invalid("must be a whole number");
            return value >= minimum ? value : throw Invalid($"is {value}; it must be at least {minimum}");
        }

        public int Int(int minimum)
        {
            long value = Long(minimum);
            return value <= int.MaxValue ? (int)value : throw Invalid($"is {value}; too large");
        }

        public long Int64Text() =>
            long.TryParse(String(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value)
                ? value
                : throw Invalid("must be a whole number from -9223372036854775808 to 9223372036854775807, written as a string");

        public ulong UInt64Text() =>
            ulong.TryParse(String(), NumberStyles.None, CultureInfo.InvariantCulture, out ulong value)
                ? value
                : throw Invalid("must be a whole number from 0 to 18446744073709551615, written as a string");

        public float[] Floats(int? length = null)
        {
            var values = Items().Select(n => n.Float()).ToArray();
            return length is null || values.Length == length
                ? values
                : throw Invalid($"has {values.Length} numbers; the library's need {length}");
        }

        public float Float()
        {
            if (Element.ValueKind != JsonValueKind.Number || !Element.TryGetSingle(out float value) || !float.IsFinite(value))
                throw Invalid("must be a finite number");
            return value;
        }

        public IReadOnlyList<string> Names(int maximum, int minimum = 1)
        {
            var names = Items().Select(n => n.String()).ToList();
            if (names.Count < minimum || names.Count > maximum)
                throw Invalid($"must list {minimum} to {maximum} names");
            if (names.FirstOrDefault(n => string.IsNullOrWhiteSpace(n)) is not null)
                throw Invalid("contains an empty name");
            if (names.GroupBy(n => n).FirstOrDefault(g => g.Count() > 1) is { } twice)
                throw Invalid($"names '{twice.Key}' twice");
            return names;
        }

        public FactCondition Condition(FactSchema schema)
        {
            Expect(JsonValueKind.Object, "an object of fact names to true or false");
            ulong mask = 0, values = 0;
            foreach (JsonProperty fact in Element.EnumerateObject())
            {
                int bit = IndexOf(schema.Names, fact.Name);
                if (bit < 0)
                    throw Invalid($"names the unknown fact '{fact.Name}'");
                if (fact.Value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                    throw new Node(fact.Value, $"{Path}.{fact.Name}").Invalid("must be true or false");
                mask |= 1UL << bit;
                if (fact.Value.GetBoolean())
                    values |= 1UL << bit;
            }
            return new FactCondition(mask, values);
        }

        public ulong Facts(FactSchema schema)
        {
            ulong bits = 0;
            foreach (Node name in Items())
            {
                int bit = IndexOf(schema.Names, name.String());
                bits |= bit >= 0 ? 1UL << bit : throw name.Invalid($"is the unknown fact '{name.String()}'");
            }
            return bits;
        }

        public int Action(LibraryManifest manifest)
        {
            string name = String();
            int index = IndexOf(manifest.ActionNames, name);
            return index >= 0 ? index : throw Invalid($"is the unknown action '{name}'");
        }

        public StoredPolicy Policy(LibraryManifest manifest)
        {
            string kind = this["kind"].String();
            IPolicyCodec codec;
            try
            {
                codec = PolicyKinds.Get(kind);
            }
            catch (LibraryException e)
            {
                throw this["kind"].Invalid($"is unknown: {e.Message}");
            }
            return StoredPolicy.Read(kind, codec.ReadJson(Element, Path, manifest));
        }

        public AgentStep Step(LibraryManifest manifest, FactSchema schema)
        {
            Node rewardNode = this["reward"];
            double reward = rewardNode.Element.ValueKind == JsonValueKind.Number && rewardNode.Element.TryGetDouble(out double r) && double.IsFinite(r)
                ? r
                : throw rewardNode.Invalid("must be a finite number");
            ulong facts = this["facts"].Facts(schema);
            return new AgentStep(State(facts), facts, this["features"].Floats(manifest.FeatureCount), this["action"].Action(manifest),
                reward, this["next_facts"].Facts(schema));
        }

        /// <summary>The step's <c>state</c> key, or, in a document written before state keys, the key of its pose.</summary>
        private long State(ulong facts)
        {
            if (Element.TryGetProperty("state", out _))
                return this["state"].Int64Text();
            int direction = this["direction"].Int(minimum: 0);
            if (direction > 3)
                throw this["direction"].Invalid($"is {direction}; directions are 0 to 3");
            if (facts >> AgentPose.KeyFactBits != 0)
                throw this["facts"].Invalid($"names a fact beyond the first {AgentPose.KeyFactBits}, which a pose's state key cannot hold; write the step's state instead");
            return new AgentPose(this["x"].Int(int.MinValue), this["y"].Int(int.MinValue), direction).Key(facts);
        }

        private static int IndexOf(IReadOnlyList<string> names, string name)
        {
            for (int i = 0; i < names.Count; i++)
                if (names[i] == name)
                    return i;
            return -1;
        }

        private void Expect(JsonValueKind kind, string what)
        {
            if (Element.ValueKind != kind)
                throw Invalid($"must be {what}");
        }
    }
}
