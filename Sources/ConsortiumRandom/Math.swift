#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The C math functions the distributions need, behind non-generic entry points.
///
/// The C library import stays internal, so clients of `ConsortiumRandom` do not see it; inlinable samplers
/// call these `@usableFromInline` wrappers instead.
@usableFromInline
enum Math {
    /// The natural logarithm.
    @usableFromInline
    static func log(_ x: Double) -> Double {
        #if canImport(Glibc)
            Glibc.log(x)
        #else
            Darwin.log(x)
        #endif
    }

    /// e raised to `x`.
    @usableFromInline
    static func exp(_ x: Double) -> Double {
        #if canImport(Glibc)
            Glibc.exp(x)
        #else
            Darwin.exp(x)
        #endif
    }

    /// `base` raised to `exponent`.
    @usableFromInline
    static func pow(_ base: Double, _ exponent: Double) -> Double {
        #if canImport(Glibc)
            Glibc.pow(base, exponent)
        #else
            Darwin.pow(base, exponent)
        #endif
    }

    /// The complementary error function.
    @usableFromInline
    static func erfc(_ x: Double) -> Double {
        #if canImport(Glibc)
            Glibc.erfc(x)
        #else
            Darwin.erfc(x)
        #endif
    }

    /// The logarithm of the gamma function, for positive arguments.
    @usableFromInline
    static func logGamma(_ x: Double) -> Double {
        #if canImport(Glibc)
            Glibc.lgamma(x)
        #else
            Darwin.lgamma(x)
        #endif
    }
}
