namespace DocStrange.Document.Model;

/// <summary>One recognised word of an OCR'd block: its text, its box on the page and the recogniser's confidence in [0, 1].</summary>
public sealed record Word(string Text, BoundingBox Box, double Confidence);
