using System.Diagnostics;

namespace Sam.Geo.Pipeline;

/// <summary>The stages whose time the pipeline reports.</summary>
public enum Stage
{
    /// <summary>Prompt projection and window planning.</summary>
    Projection,
    /// <summary>Reading raster windows and converting them to 8-bit RGB.</summary>
    Read,
    /// <summary>Inside the SAM image encoder.</summary>
    Encode,
    /// <summary>Embedding cache reads and writes.</summary>
    CacheIo,
    /// <summary>Inside the SAM mask decoder.</summary>
    Decode,
    /// <summary>Mask post-processing (thresholds, filters, NMS, cleanup).</summary>
    PostProcess,
    /// <summary>Merging pieces across tile seams.</summary>
    SeamMerge,
    /// <summary>Mask to polygons, cleanup, georeferencing.</summary>
    Vectorize,
    /// <summary>Writing outputs.</summary>
    Write,
}

/// <summary>Accumulates wall time per <see cref="Stage"/>. Not thread-safe.</summary>
public sealed class StageTimer
{
    private readonly long[] _ticks = new long[Enum.GetValues<Stage>().Length];

    /// <summary>Starts timing a stage; dispose the result to stop.</summary>
    public Scope Measure(Stage stage) => new(this, stage, Stopwatch.GetTimestamp());

    /// <summary>Total time spent in a stage.</summary>
    public TimeSpan this[Stage stage] => Stopwatch.GetElapsedTime(0, _ticks[(int)stage]);

    /// <summary>Adds <paramref name="time"/> to a stage (for time measured elsewhere, e.g. inside a callback).</summary>
    public void AddTime(Stage stage, TimeSpan time) => _ticks[(int)stage] += (long)(time.TotalSeconds * Stopwatch.Frequency);

    /// <summary>Adds another timer's totals to this one.</summary>
    public void Add(StageTimer other)
    {
        for (int i = 0; i < _ticks.Length; i++) _ticks[i] += other._ticks[i];
    }

    /// <summary>Stops the stage's clock when disposed.</summary>
    public readonly struct Scope(StageTimer timer, Stage stage, long start) : IDisposable
    {
        /// <inheritdoc />
        public void Dispose() => timer._ticks[(int)stage] += Stopwatch.GetTimestamp() - start;
    }
}
