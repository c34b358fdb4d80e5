/** Null only where a type says so ({@code @Nullable}); NullAway checks it when the code compiles. */
@NullMarked
package uk.trustplatform.bench;

import org.jspecify.annotations.NullMarked;
