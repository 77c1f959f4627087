// The JVMs the checks start (apex-ls, PMD through Code Analyzer) each run once, for seconds, over a project.
// For a run that short the JIT's optimising compiler (C2) and the parallel garbage collector spend far more
// CPU than they win back: with the quick compiler only and the serial collector, a check:pmd or apex-ls run
// costs about a third of the CPU, and no more time. The findings do not depend on either.
export const JVM_OPTIONS = ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC'];

/**
 * JDK_JAVA_OPTIONS for a program that starts `java` itself with its own arguments (Code Analyzer's PMD engine):
 * the options above after any already set there.
 * @param {string | undefined} current the variable's value now
 */
export function jdkJavaOptions(current = '') {
    const missing = JVM_OPTIONS.filter((option) => !current.split(/\s+/).includes(option));
    return [current, ...missing].filter(Boolean).join(' ');
}
