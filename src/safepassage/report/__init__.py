"""Output formats for assessments. Each is a module exposing FORMAT, registered under the
`safepassage.formats` entry-point group like any extension's format would be."""
