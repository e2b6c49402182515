using ProceduralMemory.Environments;

namespace ProceduralMemory.Memory;

/// <summary>
/// A key-value memory of skills: keys are embeddings, values are skills. Adding merges near-duplicates;
/// retrieval filters to applicable skills and ranks them by similarity to a query.
/// </summary>
/// <remarks>
/// Retrieval by similarity goes through a <see cref="SkillIndex"/> that holds a copy of every key, so a skill's
/// key must be changed through <see cref="UpdateKey"/>, never by writing into <see cref="Skill.Key"/>.
/// </remarks>
public sealed class SkillLibrary
{
    /// <summary>The seed's merge threshold: a candidate more similar than this to a stored skill is a duplicate.</summary>
    public const float DefaultMergeThreshold = 0.9f;

    // Above this many results, Retrieve's scratch buffers come from the heap rather than the stack.
    private const int StackResults = 128;

    private readonly List<Skill> _skills = [];
    private readonly SkillIndex _index;
    private int _nextId;
    // The active skills, rebuilt after a change: the planner reads them at every step, so they are not filtered each time.
    private List<Skill>? _active;
    private readonly SkillsByEffect _activeByEffect = new();

    /// <summary>Creates an empty library for keys of <paramref name="embeddingDimension"/> numbers.</summary>
    public SkillLibrary(int embeddingDimension, float mergeThreshold = DefaultMergeThreshold)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(embeddingDimension);
        EmbeddingDimension = embeddingDimension;
        MergeThreshold = mergeThreshold;
        _index = new SkillIndex(embeddingDimension);
    }

    /// <summary>The length of every skill key.</summary>
    public int EmbeddingDimension { get; }

    /// <summary>Cosine similarity above which a candidate merges into an existing skill.</summary>
    public float MergeThreshold { get; }

    /// <summary>The stored skills by ascending <see cref="Skill.Id"/>.</summary>
    public IReadOnlyList<Skill> Skills => _skills;

    /// <summary>The skills not retired (<see cref="Skill.IsRetired"/>) by ascending id: the ones retrieval, selection and planning use.</summary>
    public IReadOnlyList<Skill> ActiveSkills => _active ??= _skills.Where(s => !s.IsRetired).ToList();

    /// <summary>
    /// The active skills whose effect is <paramref name="effect"/>, by ascending id: those of <see cref="ActiveSkills"/>
    /// with that effect, from groups kept as skills come and go rather than a scan of every skill.
    /// </summary>
    public IReadOnlyList<Skill> ActiveSkillsWithEffect(FactCondition effect) => _activeByEffect.With(effect);

    /// <summary>The number of stored skills, retired ones included.</summary>
    public int Count => _skills.Count;

    /// <summary>
    /// Stores <paramref name="candidate"/>, unless it duplicates a stored skill (see <see cref="FindMatch"/> with
    /// <see cref="MergeThreshold"/>): then that skill records one more demonstration and the candidate is dropped.
    /// </summary>
    public SkillAddResult Add(Skill candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        if (candidate.Id >= 0)
            throw new ArgumentException($"Skill '{candidate.Name}' already belongs to a library.", nameof(candidate));
        CheckKey(candidate);
        if (FindMatch(candidate.Preconditions, candidate.Effect, candidate.Key, MergeThreshold) is { } match)
        {
            match.Skill.Statistics.RecordDemonstration();
            return new SkillAddResult(match.Skill, Merged: true, match.Similarity);
        }

        candidate.Id = _nextId++;
        _skills.Add(candidate);
        _active = null;
        if (!candidate.IsRetired)
        {
            _index.Add(candidate.Id, candidate.Key, candidate.Preconditions);
            _activeByEffect.Add(candidate);
        }
        return new SkillAddResult(candidate, Merged: false, Similarity: 0f);
    }

    /// <summary>
    /// Stores <paramref name="skill"/> under the id a store gave it (<see cref="Skill.Id"/>), without merging: the
    /// store has already decided it is a skill of its own. Replaces a skill with the same id. A retired skill is kept
    /// but not indexed.
    /// </summary>
    public void Restore(Skill skill)
    {
        ArgumentNullException.ThrowIfNull(skill);
        ArgumentOutOfRangeException.ThrowIfNegative(skill.Id);
        CheckKey(skill);
        int at = IndexOf(skill.Id);
        if (at >= 0)
        {
            _activeByEffect.Remove(_skills[at]);
            _skills[at] = skill;
        }
        else
            _skills.Insert(~at, skill);
        _active = null;
        if (skill.IsRetired)
            _index.Remove(skill.Id);
        else
        {
            _index.Set(skill.Id, skill.Key, skill.Preconditions);
            _activeByEffect.Add(skill);
        }
        _nextId = Math.Max(_nextId, skill.Id + 1);
    }

    /// <summary>
    /// Replaces the key of <paramref name="skill"/>, a skill of this library, with <paramref name="key"/> (which may
    /// be the skill's own <see cref="Skill.Key"/>, after changing it in place), in the skill and in the index.
    /// </summary>
    public void UpdateKey(Skill skill, ReadOnlySpan<float> key)
    {
        CheckMember(skill);
        if (key.Length != EmbeddingDimension)
            throw new ArgumentException($"The key has {key.Length} numbers; this library's keys have {EmbeddingDimension}.", nameof(key));
        foreach (float value in key)
            if (!float.IsFinite(value))
                throw new ArgumentException("A skill key must be a vector of finite numbers.", nameof(key));
        key.CopyTo(skill.Key);
        if (!skill.IsRetired)
            _index.UpdateKey(skill.Id, skill.Key);
    }

    /// <summary>
    /// Retires <paramref name="skill"/>, a skill of this library, for <paramref name="retirement"/>: it stays in
    /// <see cref="Skills"/> (and keeps learning from demonstrations of it) but leaves retrieval and <see cref="ActiveSkills"/>.
    /// </summary>
    public void Retire(Skill skill, SkillRetirement retirement)
    {
        ArgumentNullException.ThrowIfNull(retirement);
        CheckMember(skill);
        skill.Retirement = retirement;
        _index.Remove(skill.Id);
        _activeByEffect.Remove(skill);
        _active = null;
    }

    /// <summary>
    /// Starts a fresh trial of <paramref name="skill"/>, a skill of this library (it was demonstrated again, or is
    /// restored): the <see cref="RetirementRule"/> judges only its uses from now on (<see cref="Skill.TrialStart"/>),
    /// and a retired skill becomes active again.
    /// </summary>
    public void StartTrial(Skill skill)
    {
        CheckMember(skill);
        skill.TrialStart = (skill.Statistics.Uses, skill.Statistics.Successes);
        if (!skill.IsRetired)
            return;
        skill.Retirement = null;
        _index.Set(skill.Id, skill.Key, skill.Preconditions);
        _activeByEffect.Add(skill);
        _active = null;
    }

    private void CheckMember(Skill skill)
    {
        ArgumentNullException.ThrowIfNull(skill);
        if (Find(skill.Id) != skill)
            throw new ArgumentException($"Skill '{skill.Name}' does not belong to this library.", nameof(skill));
    }

    /// <summary>The skill with id <paramref name="id"/>, or <c>null</c>.</summary>
    public Skill? Find(int id) => IndexOf(id) is var at and >= 0 ? _skills[at] : null;

    /// <summary>Forgets the skill with id <paramref name="id"/> (e.g. pruned from the store); returns whether there was one.</summary>
    public bool Remove(int id)
    {
        int at = IndexOf(id);
        if (at < 0)
            return false;
        _activeByEffect.Remove(_skills[at]);
        _skills.RemoveAt(at);
        _index.Remove(id);
        _active = null;
        return true;
    }

    /// <summary>The position of skill <paramref name="id"/> in the id-ordered list, or the complement of where it would go.</summary>
    private int IndexOf(int id) => SkillIdOrder.IndexOf(_skills, id);

    /// <summary>
    /// The stored skill with the same preconditions and effect whose key is most similar to <paramref name="key"/>
    /// (lowest id among equals), if that similarity exceeds <paramref name="threshold"/>; otherwise <c>null</c>.
    /// </summary>
    /// <remarks>
    /// Requiring the same preconditions and effect keeps a merge from joining procedures that do different things;
    /// the seed's duplicates always agree on both, so its run is unchanged. A skill chain (<see cref="SkillChainPolicy"/>)
    /// never matches: it is also its children, and a segment is never one more demonstration of it.
    /// </remarks>
    public (Skill Skill, float Similarity)? FindMatch(FactCondition preconditions, FactCondition effect, ReadOnlySpan<float> key, float threshold)
    {
        Skill? nearest = null;
        float nearestSimilarity = float.NegativeInfinity;
        foreach (Skill stored in _skills)
        {
            if (stored.Preconditions != preconditions || stored.Effect != effect || stored.Policy is SkillChainPolicy)
                continue; // a chain is its children too: never one more demonstration of a segment's skill
            float similarity = VectorMath.CosineSimilarity(key, stored.Key);
            if (similarity > nearestSimilarity) // strict: the earliest of equally similar skills wins
                (nearest, nearestSimilarity) = (stored, similarity);
        }
        return nearest is not null && nearestSimilarity > threshold ? (nearest, nearestSimilarity) : null;
    }

    /// <summary>
    /// The at most <paramref name="topK"/> active skills applicable in <paramref name="facts"/>, most similar to
    /// <paramref name="query"/> first.
    /// </summary>
    /// <remarks>
    /// Fixes SEED_SPEC defect 3: the seed sorted (similarity, skill) pairs, so equal similarities compared skill
    /// objects and crashed. Here ties are broken by ascending <see cref="Skill.Id"/>, i.e. the skill learned first wins.
    /// The search runs on the library's <see cref="SkillIndex"/>: one pass over a contiguous key matrix and a heap of
    /// <paramref name="topK"/>, not a score and sort per skill.
    /// </remarks>
    public IReadOnlyList<Skill> Retrieve(Facts facts, ReadOnlySpan<float> query, int topK = 3)
    {
        if (query.Length != EmbeddingDimension)
            throw new ArgumentException($"The query has {query.Length} numbers; this library's keys have {EmbeddingDimension}.", nameof(query));
        ArgumentOutOfRangeException.ThrowIfNegative(topK);
        int k = Math.Min(topK, _index.Count);
        // Scratch on the stack, not in a field, so that concurrent readers stay as safe as they were.
        Span<int> ids = k <= StackResults ? stackalloc int[k] : new int[k];
        Span<float> scores = k <= StackResults ? stackalloc float[k] : new float[k];
        int found = _index.Search(query, facts, ids, scores);
        var skills = new List<Skill>(found);
        for (int i = 0; i < found; i++)
            skills.Add(Find(ids[i])!);
        return skills;
    }

    /// <summary>
    /// The at most <paramref name="topK"/> active skills applicable in <paramref name="facts"/>, highest success rate
    /// first (the seed's ranking when there is no query embedding); ties by ascending id.
    /// </summary>
    public IReadOnlyList<Skill> Retrieve(Facts facts, int topK = 3)
    {
        var ranked = new List<(float Score, Skill Skill)>();
        foreach (Skill skill in ActiveSkills)
            if (skill.IsApplicable(facts))
                ranked.Add(((float)skill.Statistics.SuccessRate, skill));
        return TopK(ranked, topK);
    }

    /// <summary>
    /// Totals over all skills. A skill a merge absorbed is left out of the counts (its uses moved to the merged skill,
    /// see <see cref="SkillRetirement.CountsCarriedOver"/>), though not out of <see cref="LibraryStatistics.TotalSkills"/>.
    /// </summary>
    public LibraryStatistics GetStatistics()
    {
        int uses = 0, successes = 0, demonstrations = 0, used = 0;
        double rateSum = 0;
        foreach (Skill skill in _skills)
        {
            if (skill.Retirement?.CountsCarriedOver == true)
                continue;
            SkillStatistics s = skill.Statistics;
            uses += s.Uses;
            successes += s.Successes;
            demonstrations += s.Demonstrations;
            if (s.Uses > 0)
            {
                used++;
                rateSum += s.SuccessRate;
            }
        }
        return new LibraryStatistics(_skills.Count, uses, successes, demonstrations, used == 0 ? 0 : rateSum / used);
    }

    private void CheckKey(Skill skill)
    {
        if (skill.Key.Length != EmbeddingDimension)
            throw new ArgumentException(
                $"Skill '{skill.Name}' has a key of {skill.Key.Length} numbers; this library's are {EmbeddingDimension}.",
                nameof(skill));
    }

    private static List<Skill> TopK(List<(float Score, Skill Skill)> ranked, int topK)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(topK);
        ranked.Sort(static (a, b) => a.Score != b.Score ? b.Score.CompareTo(a.Score) : a.Skill.Id.CompareTo(b.Skill.Id));
        return ranked.Take(topK).Select(static r => r.Skill).ToList();
    }
}
