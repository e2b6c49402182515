using ProceduralMemory.Environments;
using ProceduralMemory.Learning;
using ProceduralMemory.Memory;
using ProceduralMemory.Memory.Keys;
using ProceduralMemory.Neural;

namespace ProceduralMemory.Training.SkillRetrieval;

/// <summary>
/// Measures retrieval of the right skill from one new demonstration: a library holds one key per skill (the
/// normalised mean of its training demonstrations' keys), a query is the key of one new demonstration, and the skill
/// whose key is most similar (cosine) is retrieved. Three kinds of key are measured on the
/// same demonstrations: a <see cref="VariationalEncoder"/> trained on the training demonstrations' summaries, today's
/// random projection of the situation a skill starts from, the random projection of the summary itself, and an
/// encoder trained on the situations skills start from (the key an agent has before any demonstration). Each
/// kind has its own <see cref="SkillLibrary"/>, and a query is answered by its retrieval (the skill index). Both
/// encoders learn with the training demonstrations' skills as labels, which a positive
/// <see cref="VariationalEncoderOptions.Separation"/> uses to keep different skills' codes apart; each library's least
/// key distance between different skills (<see cref="KeySeparation"/>) is measured beside the accuracies.
/// </summary>
public static class SkillKeyRetrieval
{
    /// <summary>Trains the encoder on <paramref name="training"/> and queries with every demonstration of <paramref name="queries"/>.</summary>
    public static SkillRetrievalResult Measure(IReadOnlyList<LabelledDemonstration> training, IReadOnlyList<LabelledDemonstration> queries,
        int featureCount, int actionCount, VariationalEncoderOptions encoderOptions, int projectionDimension, ulong projectionSeed)
    {
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(queries);
        if (training.Count == 0)
            throw new ArgumentException("The library needs at least one training demonstration.", nameof(training));
        if (training.Select(d => d.Skill).Distinct().Count() > 64)
            throw new ArgumentException("At most 64 skills: each is given an effect (a fact) of its own.", nameof(training));
        List<float[]> summaries = [.. training.Select(d => DemonstrationSummary.Of(d.Steps, featureCount, actionCount))];
        List<string> labels = [.. training.Select(d => d.Skill)];
        var (encoder, lastEpoch) = StandardizedEncoder.Train(summaries, encoderOptions, labels);
        var encoderKeys = new SkillEncoderKeyProvider(encoder, featureCount, actionCount);
        var situationEncoder = new SituationEncoderKeyProvider(
            StandardizedEncoder.Train([.. training.Select(d => d.Steps[0].Features)], encoderOptions, labels).Encoder);
        var situation = new RandomProjectionKeyProvider(featureCount, projectionDimension, projectionSeed);
        var summary = new RandomProjectionKeyProvider(summaries[0].Length, projectionDimension, projectionSeed);

        string[] skills = [.. training.Select(d => d.Skill).Distinct().Order(StringComparer.Ordinal)];
        Func<LabelledDemonstration, float[], float[]>[] keyOf =
        [
            (_, s) => encoderKeys.KeyOfSummary(s),
            (d, _) => situation.Encode(d.Steps[0].Features),
            (_, s) => summary.Encode(s),
            (d, _) => situationEncoder.KeyOf(d.Steps[0].Features),
        ];
        var libraries = new SkillLibrary[keyOf.Length];
        for (int k = 0; k < keyOf.Length; k++)
        {
            libraries[k] = new SkillLibrary(k is 0 or 3 ? encoderOptions.LatentSize : projectionDimension);
            for (int i = 0; i < skills.Length; i++)
            {
                float[] key = Centroid(training.Select((d, at) => (d, at)).Where(p => p.d.Skill == skills[i]).Select(p => keyOf[k](p.d, summaries[p.at])));
                // Applicable everywhere, so that the keys alone decide (the agent also filters by the facts); an effect
                // of its own, so that KeySeparation tells the skills apart.
                libraries[k].Restore(new Skill(skills[i], FactCondition.Always, new FactCondition(1UL << i, 1UL << i), new OpenLoopPolicy([0]),
                    new SkillTermination(null, 1), key) { Id = i });
            }
        }

        var known = new HashSet<string>(skills, StringComparer.Ordinal);
        var right = new int[keyOf.Length];
        var confusions = new SortedDictionary<string, int>(StringComparer.Ordinal);
        int asked = 0;
        var querySkills = new List<string>();
        List<float[]>[] queryKeys = [.. keyOf.Select(_ => new List<float[]>())];
        foreach (LabelledDemonstration query in queries.Where(q => known.Contains(q.Skill)))
        {
            asked++;
            querySkills.Add(query.Skill);
            float[] querySummary = DemonstrationSummary.Of(query.Steps, featureCount, actionCount);
            for (int k = 0; k < keyOf.Length; k++)
            {
                float[] key = keyOf[k](query, querySummary);
                queryKeys[k].Add(key);
                string retrieved = libraries[k].Retrieve(new Facts(0), key, topK: 1)[0].Name;
                if (retrieved == query.Skill)
                    right[k]++;
                else if (k == 0)
                    confusions[$"{query.Skill} -> {retrieved}"] = confusions.GetValueOrDefault($"{query.Skill} -> {retrieved}") + 1;
            }
        }
        double Accuracy(int k) => asked == 0 ? 0 : (double)right[k] / asked;
        double LeastDistance(int k) => KeySeparation.Closest(libraries[k])?.Distance ?? double.NaN;
        return new SkillRetrievalResult(skills, training.Count, asked, queries.Count - asked, Accuracy(0), Accuracy(1), Accuracy(2),
            Accuracy(3), lastEpoch, encoderKeys.ModelId, confusions, querySkills, queryKeys,
            [.. Enumerable.Range(0, keyOf.Length).Select(LeastDistance)]);
    }

    private static float[] Centroid(IEnumerable<float[]> keys)
    {
        float[]? sum = null;
        foreach (float[] key in keys)
        {
            sum ??= new float[key.Length];
            System.Numerics.Tensors.TensorPrimitives.Add(sum, key, sum);
        }
        VectorMath.NormalizeInPlace(sum!);
        return sum!;
    }
}
