using ProceduralMemory.Neural;

namespace ProceduralMemory.Tests.Neural;

/// <summary><see cref="VariationalEncoder"/>: its loss and gradients against a double-precision reference, determinism, clustering.</summary>
public class VariationalEncoderTests
{
    private const int Inputs = 5, Hidden = 4, Latent = 3;
    private static readonly VariationalEncoderOptions Small = new() { LatentSize = Latent, HiddenSize = Hidden, Beta = 0.7f, Seed = 31 };

    /// <summary>The loss the encoder documents, in doubles, from flat encoder and decoder parameters.</summary>
    private static double ReferenceLoss(double[] encoder, double[] decoder, float[] input, float[] noise, float beta)
    {
        double[] statistics = GradientCheck.MlpLogits([Inputs, Hidden, 2 * Latent], HiddenActivation.Tanh, encoder, GradientCheck.ToDouble(input));
        var code = new double[Latent];
        double divergence = 0;
        for (int i = 0; i < Latent; i++)
        {
            double mean = statistics[i], logVariance = statistics[Latent + i];
            code[i] = mean + Math.Exp(0.5 * logVariance) * noise[i];
            divergence += -0.5 * (1 + logVariance - mean * mean - Math.Exp(logVariance));
        }
        double[] reconstruction = GradientCheck.MlpLogits([Latent, Hidden, Inputs], HiddenActivation.Tanh, decoder, code);
        double error = 0;
        for (int i = 0; i < Inputs; i++)
            error += 0.5 * (reconstruction[i] - input[i]) * (reconstruction[i] - input[i]);
        return error + beta * divergence;
    }

    [Fact]
    public void Loss_MatchesTheDoublePrecisionReference()
    {
        var vae = new VariationalEncoder(Inputs, Small);
        var rng = new Rng(32);
        float[] input = GradientCheck.RandomFloats(rng, Inputs), noise = GradientCheck.RandomFloats(rng, Latent, 1.5);
        double expected = ReferenceLoss(GradientCheck.ToDouble(vae.Encoder.Parameters), GradientCheck.ToDouble(vae.Decoder.Parameters), input, noise, Small.Beta);
        Assert.Equal(expected, vae.Loss(input, noise).Total, 4);
    }

    [Fact]
    public void Gradients_OfEncoderAndDecoder_AccumulatedOverTwoInputs_MatchFiniteDifferences()
    {
        var vae = new VariationalEncoder(Inputs, Small);
        var rng = new Rng(33);
        float[] first = GradientCheck.RandomFloats(rng, Inputs), second = GradientCheck.RandomFloats(rng, Inputs);
        float[] firstNoise = GradientCheck.RandomFloats(rng, Latent, 1.5), secondNoise = GradientCheck.RandomFloats(rng, Latent, 1.5);

        vae.ClearGradients();
        vae.AccumulateGradients(first, firstNoise, 0.5f);
        vae.AccumulateGradients(second, secondNoise, 0.5f);

        double[] encoder = GradientCheck.ToDouble(vae.Encoder.Parameters), decoder = GradientCheck.ToDouble(vae.Decoder.Parameters);
        double Batch(double[] e, double[] d) =>
            0.5 * ReferenceLoss(e, d, first, firstNoise, Small.Beta) + 0.5 * ReferenceLoss(e, d, second, secondNoise, Small.Beta);
        GradientCheck.AssertClose(GradientCheck.Numeric(encoder, e => Batch(e, decoder)), vae.Encoder.Gradients);
        GradientCheck.AssertClose(GradientCheck.Numeric(decoder, d => Batch(encoder, d)), vae.Decoder.Gradients);
    }

    [Fact]
    public void WithoutNoise_AndBetaZero_TheGradientIsThatOfThePlainAutoencoder()
    {
        // With ε = 0 the log-variance gets no gradient from the reconstruction, and with β = 0 none from the KL term.
        var vae = new VariationalEncoder(Inputs, Small with { Beta = 0f });
        float[] input = GradientCheck.RandomFloats(new Rng(34), Inputs);
        vae.ClearGradients();
        vae.AccumulateGradients(input, new float[Latent], 1f);
        int logVarianceRows = Hidden * Latent; // the encoder's output layer: rows Latent..2·Latent are the log-variances
        int outputLayer = Inputs * Hidden + Hidden;
        ReadOnlySpan<float> gradients = vae.Encoder.Gradients;
        for (int i = 0; i < logVarianceRows; i++)
            Assert.Equal(0f, gradients[outputLayer + Latent * Hidden + i]);
        Assert.Contains(gradients[outputLayer..(outputLayer + Latent * Hidden)].ToArray(), g => g != 0f);
    }

    [Fact]
    public void EncodeAndAGradientStep_AllocateNothing_OnceWarm()
    {
        var vae = new VariationalEncoder(Inputs, Small);
        var rng = new Rng(38);
        float[] input = GradientCheck.RandomFloats(rng, Inputs), noise = new float[Latent], mean = new float[Latent];
        vae.AccumulateGradients(input, noise, 1f);
        vae.Encode(input, mean);
        StandardNormalNoise.Fill(rng, noise);

        long before = GC.GetAllocatedBytesForCurrentThread();
        StandardNormalNoise.Fill(rng, noise);
        vae.ClearGradients();
        vae.AccumulateGradients(input, noise, 1f);
        vae.Encode(input, mean);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void BatchGradients_WithTheSeparationTerm_MatchFiniteDifferences()
    {
        var options = Small with { Separation = 1.7f, BatchSize = 4 };
        var vae = new VariationalEncoder(Inputs, options);
        var rng = new Rng(43);
        List<float[]> samples = [.. Enumerable.Range(0, 6).Select(_ => GradientCheck.RandomFloats(rng, Inputs))];
        int[] labels = [0, 1, 1, 0, 2, 1], batch = [4, 1, 0, 2]; // sample 3 and 5 are not in the batch
        float[] noise = GradientCheck.RandomFloats(rng, batch.Length * Latent, 1.5);

        vae.ClearGradients();
        var (reconstruction, divergence, separation) = vae.AccumulateBatchGradients(samples, batch, noise, labels, new SeparationLoss(Latent, 3));

        double[] encoder = GradientCheck.ToDouble(vae.Encoder.Parameters), decoder = GradientCheck.ToDouble(vae.Decoder.Parameters);
        double Separation(double[] e)
        {
            double[] means = [.. batch.SelectMany(i => GradientCheck.MlpLogits([Inputs, Hidden, 2 * Latent], HiddenActivation.Tanh, e, GradientCheck.ToDouble(samples[i])).Take(Latent))];
            return SeparationLossTests.Reference(means, [.. batch.Select(i => labels[i])]);
        }
        double Batch(double[] e, double[] d) =>
            batch.Select((i, k) => ReferenceLoss(e, d, samples[i], noise[(k * Latent)..((k + 1) * Latent)], Small.Beta)).Average()
            + options.Separation * Separation(e);
        Assert.Equal(Separation(encoder), separation, 4);
        Assert.Equal(Batch(encoder, decoder) - options.Separation * Separation(encoder), (reconstruction + Small.Beta * divergence) / batch.Length, 3);
        GradientCheck.AssertClose(GradientCheck.Numeric(encoder, e => Batch(e, decoder)), vae.Encoder.Gradients);
        GradientCheck.AssertClose(GradientCheck.Numeric(decoder, d => Batch(encoder, d)), vae.Decoder.Gradients);
    }

    [Fact]
    public void ABatchStep_WithTheSeparationTerm_AllocatesNothing_OnceWarm()
    {
        var vae = new VariationalEncoder(Inputs, Small with { Separation = 1f, BatchSize = 3 });
        var rng = new Rng(44);
        List<float[]> samples = [.. Enumerable.Range(0, 3).Select(_ => GradientCheck.RandomFloats(rng, Inputs))];
        int[] labels = [0, 1, 0], batch = [2, 0, 1];
        float[] noise = GradientCheck.RandomFloats(rng, 3 * Latent);
        var term = new SeparationLoss(Latent, 2);
        vae.AccumulateBatchGradients(samples, batch, noise, labels, term);

        long before = GC.GetAllocatedBytesForCurrentThread();
        vae.ClearGradients();
        vae.AccumulateBatchGradients(samples, batch, noise, labels, term);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void SeparationZero_IsTodaysEncoder_BitForBit_WithOrWithoutLabels()
    {
        List<float[]> samples = Clusters(new Rng(35), perCluster: 10);
        var options = new VariationalEncoderOptions { LatentSize = 2, HiddenSize = 16, Epochs = 20, BatchSize = 8, Seed = 7 };
        // Pinned from the encoder before the separation term existed (30 samples, partial last batches).
        var (unlabelled, loss) = StandardizedEncoder.Train(samples, options);
        Assert.Equal(0xe5d75bca5293ab72UL, unlabelled.Fingerprint);
        Assert.Equal(5.2411904f, loss.Total);
        var (labelled, _) = StandardizedEncoder.Train(samples, options, [.. Enumerable.Range(0, 30).Select(i => $"skill {i / 10}")]);
        Assert.Equal(unlabelled.Fingerprint, labelled.Fingerprint);
    }

    [Fact]
    public void Separation_KeepsTheCodesOfTwoLabelsOfOverlappingClustersFurtherApart()
    {
        // Two labels whose inputs mostly agree: the clusters differ in one of 12 dimensions, which reconstruction hardly weighs.
        var rng = new Rng(45);
        var samples = new List<float[]>();
        var labels = new List<int>();
        for (int s = 0; s < 60; s++)
        {
            float[] sample = GradientCheck.RandomFloats(rng, 12);
            sample[0] = (s % 2 == 0 ? 0.3f : -0.3f) + 0.1f * sample[0];
            samples.Add(sample);
            labels.Add(s % 2);
        }
        var options = new VariationalEncoderOptions { LatentSize = 4, HiddenSize = 16, Epochs = 60, Seed = 3 };
        double LabelMeanCosine(VariationalEncoder e)
        {
            var centres = new double[2][] { new double[4], new double[4] };
            var code = new float[4];
            for (int s = 0; s < samples.Count; s++)
            {
                e.Encode(samples[s], code);
                for (int k = 0; k < 4; k++)
                    centres[labels[s]][k] += code[k];
            }
            return centres[0].Zip(centres[1], (a, b) => a * b).Sum() / Math.Sqrt(centres[0].Sum(a => a * a) * centres[1].Sum(b => b * b));
        }
        var (plain, _) = VariationalEncoder.Train(samples, options, labels);
        var (separated, last) = VariationalEncoder.Train(samples, options with { Separation = 5f }, labels);

        Assert.True(LabelMeanCosine(separated) < LabelMeanCosine(plain) - 0.3,
            $"label means' cosine {LabelMeanCosine(separated):0.000} with separation, {LabelMeanCosine(plain):0.000} without");
        Assert.True(last.Separation > 0f && last.SeparationWeight == 5f && float.IsFinite(last.Total));
    }

    [Fact]
    public void Separation_WithoutLabels_OrBadLabelsOrAWeightBelowZero_IsRefused()
    {
        List<float[]> samples = Clusters(new Rng(46), perCluster: 2);
        Assert.Throws<ArgumentException>(() => VariationalEncoder.Train(samples, new VariationalEncoderOptions { Separation = 1f }));
        Assert.Throws<ArgumentException>(() => VariationalEncoder.Train(samples, new VariationalEncoderOptions { Separation = 1f }, [0, 1]));
        Assert.Throws<ArgumentException>(() => VariationalEncoder.Train(samples, new VariationalEncoderOptions(), [0, 1, 2, -1, 0, 0]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new VariationalEncoder(3, new VariationalEncoderOptions { Separation = -1f }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new VariationalEncoder(3, new VariationalEncoderOptions { Separation = float.NaN }));
    }

    [Fact]
    public void Noise_HasMeanZeroAndVarianceOne_AndIsAFunctionOfTheSeed()
    {
        var draws = new float[20_000];
        StandardNormalNoise.Fill(new Rng(39), draws);
        var again = new float[20_000];
        StandardNormalNoise.Fill(new Rng(39), again);
        double mean = draws.Average(d => (double)d), variance = draws.Average(d => (d - mean) * (d - mean));
        Assert.InRange(mean, -0.03, 0.03);
        Assert.InRange(variance, 0.95, 1.05);
        Assert.Equal(draws, again);
    }

    [Fact]
    public void Train_IsAFunctionOfTheSeed()
    {
        List<float[]> samples = Clusters(new Rng(35), perCluster: 10);
        var options = new VariationalEncoderOptions { LatentSize = 2, HiddenSize = 16, Epochs = 20, Seed = 7 };
        var (a, _) = VariationalEncoder.Train(samples, options);
        var (b, _) = VariationalEncoder.Train(samples, options);
        var (c, _) = VariationalEncoder.Train(samples, options with { Seed = 8 });
        Assert.Equal(a.Encoder.Parameters.ToArray(), b.Encoder.Parameters.ToArray());
        Assert.Equal(a.Decoder.Parameters.ToArray(), b.Decoder.Parameters.ToArray());
        Assert.NotEqual(a.Encoder.Parameters.ToArray(), c.Encoder.Parameters.ToArray());
    }

    [Fact]
    public void Training_LowersTheLoss_AndTheMeansOfThreeClustersFallNearestTheirOwnCentre()
    {
        var rng = new Rng(36);
        List<float[]> samples = Clusters(rng, perCluster: 30);
        var options = new VariationalEncoderOptions { LatentSize = 2, HiddenSize = 16, Epochs = 150, Seed = 9 };
        var (untrained, _) = VariationalEncoder.Train(samples, options with { Epochs = 1 });
        var (vae, last) = VariationalEncoder.Train(samples, options);
        var noise = new float[2];
        double Mean(VariationalEncoder e) => samples.Average(s => e.Loss(s, noise).Reconstruction);
        Assert.True(Mean(vae) < 0.25 * Mean(untrained), $"Reconstruction {Mean(vae)} against {Mean(untrained)} untrained.");
        Assert.True(float.IsFinite(last.Total));

        // Centres from these samples; fresh samples of each cluster must encode nearest their own centre.
        var centres = new float[3][];
        for (int k = 0; k < 3; k++)
        {
            centres[k] = new float[2];
            var code = new float[2];
            for (int s = 0; s < 30; s++)
            {
                vae.Encode(samples[k * 30 + s], code);
                for (int d = 0; d < 2; d++)
                    centres[k][d] += code[d] / 30;
            }
        }
        List<float[]> fresh = Clusters(new Rng(37), perCluster: 20);
        int right = 0;
        for (int i = 0; i < fresh.Count; i++)
        {
            var code = new float[2];
            vae.Encode(fresh[i], code);
            int nearest = Enumerable.Range(0, 3).MinBy(k => (code[0] - centres[k][0]) * (code[0] - centres[k][0]) + (code[1] - centres[k][1]) * (code[1] - centres[k][1]));
            right += nearest == i / 20 ? 1 : 0;
        }
        Assert.True(right >= 57, $"{right} of 60 fresh samples encode nearest their own cluster's centre.");
    }

    [Fact]
    public void Train_RefusesNoSamples_RaggedSamples_AndBadOptions()
    {
        Assert.Throws<ArgumentException>(() => VariationalEncoder.Train([], new VariationalEncoderOptions()));
        Assert.Throws<ArgumentException>(() => VariationalEncoder.Train([new float[3], new float[4]], new VariationalEncoderOptions()));
        Assert.Throws<ArgumentException>(() => VariationalEncoder.Train([[float.NaN]], new VariationalEncoderOptions()));
        Assert.Throws<ArgumentOutOfRangeException>(() => new VariationalEncoder(3, new VariationalEncoderOptions { Beta = -1f }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new VariationalEncoder(3, new VariationalEncoderOptions { LatentSize = 0 }));
    }

    /// <summary>Three clusters in 12 dimensions: a distinct centre each, plus small noise; cluster k is samples k·n..k·n+n−1.</summary>
    private static List<float[]> Clusters(Rng rng, int perCluster)
    {
        var centreRng = new Rng(99); // the same centres for every call
        float[][] centres = [.. Enumerable.Range(0, 3).Select(_ => GradientCheck.RandomFloats(centreRng, 12))];
        var samples = new List<float[]>();
        foreach (float[] centre in centres)
            for (int s = 0; s < perCluster; s++)
            {
                float[] noise = GradientCheck.RandomFloats(rng, 12, 0.15);
                samples.Add([.. centre.Select((c, i) => c + noise[i])]);
            }
        return samples;
    }
}
