using System.Diagnostics.CodeAnalysis;
using ProceduralMemory.Learning;

namespace ProceduralMemory.Memory.Store;

/// <summary>
/// A commit checked and encoded before its transaction starts, so that bad input is refused with nothing written
/// and the write lock is held only for SQL. Only the keys need the stored manifest and skills (<see cref="CheckKeys"/>, <see cref="CheckRekeyCovers"/>).
/// Every backend writes a commit from its plan, so every backend refuses the same commits with the same messages.
/// </summary>
public sealed class CommitPlan
{
    /// <summary>A policy as stored: read back once to check it, with its checksum.</summary>
    /// <param name="Kind">The policy's kind.</param>
    /// <param name="Shape">Its human-readable shape.</param>
    /// <param name="Checksum">Its <see cref="PolicyChecksum"/>.</param>
    /// <param name="Data">Its bytes.</param>
    public sealed record Policy(string Kind, string Shape, uint Checksum, byte[] Data);

    /// <summary>A new skill with its key, policy and demonstrations encoded.</summary>
    /// <param name="Record">The skill as given.</param>
    /// <param name="Key">Its key (<see cref="KeyCodec"/>).</param>
    /// <param name="Policy">Its policy.</param>
    /// <param name="Demonstrations">Its demonstrations (<see cref="TrajectoryCodec"/>), oldest first.</param>
    public sealed record Skill(SkillRecord Record, byte[] Key, Policy Policy, byte[][] Demonstrations);

    /// <summary>A non-empty update with its key, policy and demonstrations encoded.</summary>
    /// <param name="Change">The update as given.</param>
    /// <param name="Key">Its new key, or <c>null</c>.</param>
    /// <param name="Policy">Its new policy, or <c>null</c>.</param>
    /// <param name="Demonstrations">The demonstrations it appends, oldest first.</param>
    public sealed record Update(SkillUpdate Change, byte[]? Key, Policy? Policy, byte[][] Demonstrations);

    /// <summary>An episode with its trajectory encoded.</summary>
    /// <param name="Record">The episode as given.</param>
    /// <param name="Trajectory">Its steps (<see cref="TrajectoryCodec"/>).</param>
    public sealed record Episode(EpisodeRecord Record, byte[] Trajectory);

    private CommitPlan(LibraryCommit commit, Skill[] skills, Update[] updates, Episode[] episodes, byte[][] centroids)
    {
        Commit = commit;
        NewSkills = skills;
        Updates = updates;
        Episodes = episodes;
        Centroids = centroids;
    }

    /// <summary>The commit as given.</summary>
    public LibraryCommit Commit { get; }

    /// <summary>The commit's new skills, in order.</summary>
    public IReadOnlyList<Skill> NewSkills { get; }

    /// <summary>The commit's non-empty updates, in order.</summary>
    public IReadOnlyList<Update> Updates { get; }

    /// <summary>The commit's episodes, in order.</summary>
    public IReadOnlyList<Episode> Episodes { get; }

    /// <summary>The centroids of the commit's new contexts (<see cref="KeyCodec"/>), in the order of <see cref="ContextState.Contexts"/>.</summary>
    public IReadOnlyList<byte[]> Centroids { get; }

    /// <summary>Checks and encodes <paramref name="commit"/>.</summary>
    /// <exception cref="LibraryException">Some part of the commit is invalid; the message names it.</exception>
    public static CommitPlan Of(LibraryCommit commit)
    {
        Require(commit.NewSkills is not null && commit.Updates is not null && commit.OutcomeIncrements is not null && commit.Episodes is not null,
            "a commit's lists must not be null");
        Require(commit.EpisodesToKeep >= 0, $"EpisodesToKeep is {commit.EpisodesToKeep}; it cannot be negative");
        Require(commit.DemonstrationsToKeep >= 0, $"DemonstrationsToKeep is {commit.DemonstrationsToKeep}; it cannot be negative");

        var skills = new Skill[commit.NewSkills.Count];
        for (int i = 0; i < skills.Length; i++)
        {
            SkillRecord? record = commit.NewSkills[i]?.Skill;
            string what = $"new skill {i}" + (record?.Name is { } name ? $" ('{name}')" : "");
            Require(record is not null && record.Name is not null, $"{what} has no record or no name");
            Require(record!.Uses >= 0 && record.Successes >= 0 && record.Demonstrations >= 0 && record.Successes <= record.Uses,
                $"{what} has uses {record.Uses}, successes {record.Successes}, demonstrations {record.Demonstrations}; counts cannot be negative and successes cannot exceed uses");
            Require(record.StepLimit > 0, $"{what} has step limit {record.StepLimit}; it must be positive");
            Require(record.TrialStartUses >= 0 && record.TrialStartSuccesses >= 0 && record.TrialStartSuccesses <= record.TrialStartUses
                && record.TrialStartUses <= record.Uses && record.TrialStartSuccesses <= record.Successes,
                $"{what} has trial start counts {record.TrialStartUses}, {record.TrialStartSuccesses}; they must lie within 0 <= successes <= uses and within its counts");
            Require(record.Retired is null || record.Retired.Episode >= 0 && !string.IsNullOrWhiteSpace(record.Retired.Reason),
                $"{what} is retired at episode {record.Retired?.Episode} with no reason; a retirement needs a reason and an episode of at least 0");
            skills[i] = new Skill(record, EncodeKey(record.Key, what), ReadPolicy(record.Policy, what),
                EncodeDemonstrations(commit.NewSkills[i].Demonstrations, what));
        }

        var updates = new List<Update>(commit.Updates.Count);
        foreach (SkillUpdate? update in commit.Updates)
        {
            Require(update is not null, "an update is null");
            if (update!.IsEmpty)
                continue;
            string what = $"the update of skill {update.Id}";
            Require(update.AddUses >= 0 && update.AddSuccesses >= 0 && update.AddDemonstrations >= 0,
                $"{what} adds uses {update.AddUses}, successes {update.AddSuccesses}, demonstrations {update.AddDemonstrations}; counters only grow");
            Require(update.StepLimit is null or > 0, $"{what} sets step limit {update.StepLimit}; it must be positive");
            Require(update.Retire is null || !update.StartTrial, $"{what} both retires the skill and starts its trial");
            Require(update.Retire is null || update.Retire.Episode >= 0 && !string.IsNullOrWhiteSpace(update.Retire.Reason),
                $"{what} retires the skill at episode {update.Retire?.Episode} with no reason; a retirement needs a reason and an episode of at least 0");
            updates.Add(new Update(update, update.Key is null ? null : EncodeKey(update.Key, what),
                update.Policy is null ? null : ReadPolicy(update.Policy, what), EncodeDemonstrations(update.NewDemonstrations, what)));
        }

        foreach (OutcomeCount outcome in commit.OutcomeIncrements)
        {
            Require(outcome.Payload is not null, $"an outcome increment in context {outcome.Context} has no payload");
            Require(outcome.Count >= 0, $"the outcome increment {Convert.ToHexString(outcome.Payload!)} in context {outcome.Context} is {outcome.Count}; counts only grow");
        }

        byte[][] centroids = CheckContexts(commit.Contexts);

        var episodes = new Episode[commit.Episodes.Count];
        for (int i = 0; i < episodes.Length; i++)
        {
            EpisodeRecord? episode = commit.Episodes[i];
            Require(episode is not null && episode.Environment is not null && episode.Steps is not null, $"episode {i} has no record, environment or steps");
            Require(double.IsFinite(episode!.Return), $"episode {i} has return {episode.Return}; it must be finite");
            episodes[i] = new Episode(episode, Encode(episode.Steps, $"episode {i}"));
        }
        if (commit.RestoreEpisodes is { } restored)
        {
            Require(restored >= 0, $"RestoreEpisodes is {restored}; it cannot be negative");
            Require(skills.All(s => s.Record.Id >= 0 && s.Record.CreatedEpisode >= 0),
                "a restored skill has a negative id or created episode");
            Require(skills.Select(s => s.Record.Id).Distinct().Count() == skills.Length, "two restored skills have the same id");
        }
        if (commit.Rekey is { } rekey)
        {
            Require(!string.IsNullOrWhiteSpace(rekey.KeyModel) && rekey.EmbeddingDimension > 0,
                $"the re-key to '{rekey.KeyModel}' of dimension {rekey.EmbeddingDimension} needs a key model id and a positive dimension");
            Require(rekey.ModelBytes is not { Length: 0 }, $"the re-key to '{rekey.KeyModel}' has empty model bytes; give none or the model's");
        }
        return new CommitPlan(commit, skills, [.. updates], episodes, centroids);
    }

    /// <summary>Checks the per-context changes; returns the new contexts' centroids encoded.</summary>
    private static byte[][] CheckContexts(ContextState? state)
    {
        Require(state is not null && state.Contexts is not null && state.Counts is not null && state.Splits is not null,
            "a commit's per-context lists must not be null");
        var centroids = new byte[state!.Contexts.Count][];
        for (int i = 0; i < centroids.Length; i++)
        {
            StoredContext? context = state.Contexts[i];
            Require(context is not null, $"context entry {i} is null");
            string what = $"context {context!.Number}";
            Require(context.Number >= 0, $"{what} has a negative number");
            Require(context.MaxContexts > 0 && float.IsFinite(context.Similarity) && context.Similarity is >= -1 and <= 1,
                $"{what} was founded with at most {context.MaxContexts} contexts and similarity {context.Similarity}; they must be positive and within [-1, 1]");
            centroids[i] = EncodeKey(context.Centroid, what);
        }
        Require(state.Contexts.Select(c => c.Number).Distinct().Count() == state.Contexts.Count, "two new contexts have the same number");
        foreach (ContextCount count in state.Counts)
            Require(count.Context >= 0 && count.Uses >= 0 && count.Successes >= 0 && count.Successes <= count.Uses,
                $"the per-context increment of skill {count.SkillId} in context {count.Context} adds uses {count.Uses}, successes {count.Successes}; counts only grow and successes cannot exceed uses");
        foreach (StoredSplit? split in state.Splits)
        {
            Require(split is not null, "a split is null");
            Require(split!.Context >= 0 && split.Episode >= 0 && !string.IsNullOrWhiteSpace(split.Reason),
                $"the split of skill {split.SkillId} in context {split.Context} at episode {split.Episode} needs a context and episode of at least 0 and a reason");
        }
        return centroids;
    }

    /// <summary>True when the commit restores an export, keeping its skills' ids (<see cref="LibraryCommit.RestoreEpisodes"/>).</summary>
    public bool Restores => Commit.RestoreEpisodes is not null;

    /// <summary>The library's episode count before this commit's own episodes, given the count the library had.</summary>
    public long EpisodesBefore(long stored) => Math.Max(stored, Commit.RestoreEpisodes ?? 0);

    /// <summary>The id new skill <paramref name="index"/> is stored under if it is new: the library's next id, or when restoring its own.</summary>
    public long IdFor(int index, long nextId) => Restores ? NewSkills[index].Record.Id : nextId;

    /// <summary>The episode new skill <paramref name="index"/> counts as created in: the library's count after the commit, or when restoring its own.</summary>
    public long CreatedEpisodeFor(int index, long episodesAfter) => Restores ? NewSkills[index].Record.CreatedEpisode : episodesAfter;

    /// <exception cref="LibraryException">The commit restores an export into a library that has stored skills before (<paramref name="nextSkillId"/> above 0).</exception>
    public void CheckRestoreTarget(long nextSkillId, string location) =>
        Require(!Restores || nextSkillId == 0,
            $"{location} has stored skills before; an export keeps its skill ids only in a new library");

    /// <summary>
    /// Checks the keys against <paramref name="stored"/>, the library's manifest: every key has its dimension (or the
    /// re-key's, when the commit changes the key model), and the commit's <see cref="LibraryCommit.KeysFrom"/>, if
    /// given, names the model the keys will be stored under.
    /// </summary>
    /// <exception cref="LibraryException">A key's length or the commit's key model is not the library's.</exception>
    public void CheckKeys(LibraryManifest stored)
    {
        string model = Commit.Rekey?.KeyModel ?? stored.KeyModel;
        Require(Commit.KeysFrom is null || Commit.KeysFrom == model,
            $"its keys come from the key model '{Commit.KeysFrom}', but the library's is '{model}' (re-keyed meanwhile? reopen it)");
        int dimension = Commit.Rekey?.EmbeddingDimension ?? stored.EmbeddingDimension;
        for (int i = 0; i < NewSkills.Count; i++)
            Require(NewSkills[i].Key.Length == 4 * dimension,
                $"new skill {i} ('{NewSkills[i].Record.Name}') has a key of {NewSkills[i].Key.Length / 4} numbers; this library's are {dimension}");
        foreach (Update update in Updates)
            Require(update.Key is null || update.Key.Length == 4 * dimension,
                $"the update of skill {update.Change.Id} has a key of {update.Key?.Length / 4} numbers; this library's are {dimension}");
        for (int i = 0; i < Centroids.Count; i++)
            Require(Centroids[i].Length == 4 * dimension,
                $"context {Commit.Contexts.Contexts[i].Number} has a centroid of {Centroids[i].Length / 4} numbers; this library's keys are {dimension}");
    }

    /// <summary>Checks that a re-key gives every one of the library's <paramref name="storedIds"/> a new key (nothing to check without a re-key).</summary>
    /// <exception cref="LibraryException">A stored skill would keep its key from the old model.</exception>
    public void CheckRekeyCovers(IEnumerable<int> storedIds)
    {
        if (Commit.Rekey is not { } rekey)
            return;
        var rekeyed = Updates.Where(u => u.Key is not null).Select(u => u.Change.Id).ToHashSet();
        int[] missed = [.. storedIds.Where(id => !rekeyed.Contains(id)).Order()];
        Require(missed.Length == 0,
            $"the re-key to '{rekey.KeyModel}' gives no new key to stored skill{(missed.Length == 1 ? "" : "s")} {string.Join(", ", missed.Take(10))}{(missed.Length > 10 ? ", ..." : "")}");
    }

    /// <summary>The manifest after this commit: <paramref name="stored"/>, with the re-key's model and dimension if it has one.</summary>
    public LibraryManifest ManifestAfter(LibraryManifest stored) => Commit.Rekey is { } rekey
        ? stored with { KeyModel = rekey.KeyModel, EmbeddingDimension = rekey.EmbeddingDimension }
        : stored;

    private static byte[] EncodeKey(float[]? key, string what)
    {
        Require(key is not null, $"{what} has no key");
        int bad = key.AsSpan().IndexOfAnyExceptInRange(float.MinValue, float.MaxValue);
        Require(bad < 0, $"{what} has a key with {(bad < 0 ? 0 : key![bad])} at {bad}; keys must be finite");
        return KeyCodec.Encode(key!);
    }

    private static Policy ReadPolicy(StoredPolicy? policy, string what)
    {
        Require(policy is not null && policy.Kind is not null && policy.Data is not null, $"{what} has no policy");
        try
        {
            StoredPolicy read = StoredPolicy.Read(policy!.Kind, policy.Data);
            return new Policy(read.Kind, read.Shape, read.Checksum, read.Data);
        }
        catch (InvalidDataException e)
        {
            throw new LibraryException($"{what} has a policy that cannot be read back ({e.Message})", e);
        }
    }

    private static byte[][] EncodeDemonstrations(IReadOnlyList<IReadOnlyList<AgentStep>>? demonstrations, string what)
    {
        Require(demonstrations is not null, $"{what} has a null list of demonstrations");
        var encoded = new byte[demonstrations!.Count][];
        for (int i = 0; i < encoded.Length; i++)
            encoded[i] = Encode(demonstrations[i], $"demonstration {i} of {what}");
        return encoded;
    }

    private static byte[] Encode(IReadOnlyList<AgentStep>? steps, string what)
    {
        Require(steps is not null && steps.All(s => s is not null && s.Features is not null), $"{what} has a null trajectory or step");
        // Encoding accepts what decoding would refuse; check here so that nothing unreadable is ever stored.
        for (int i = 0; i < steps!.Count; i++)
        {
            AgentStep step = steps[i];
            Require(step.Action >= 0 && double.IsFinite(step.Reward)
                && step.Features.AsSpan().IndexOfAnyExceptInRange(float.MinValue, float.MaxValue) < 0,
                $"step {i} of {what} has action {step.Action}, reward {step.Reward} or a feature that is not finite");
        }
        try
        {
            return TrajectoryCodec.Encode(steps!);
        }
        catch (ArgumentException e)
        {
            throw new LibraryException($"{what} cannot be stored ({e.Message})", e);
        }
    }

    private static void Require([DoesNotReturnIf(false)] bool condition, string problem)
    {
        if (!condition)
            throw new LibraryException($"invalid commit: {problem}");
    }
}
