// The smallest valid start of a data set (grant and one group) that the load tests build
// their YAML texts on.
#pragma once

namespace rv::test {
inline const char* const kHeader =
    "bidrag: {namn: Utvecklingsmedel, år: 2019, myndighet: Socialstyrelsen}\n"
    "grupper:\n"
    "  - {id: kommuner, etikett: Kommuner, singular: kommun, plural: kommuner, "
    "bestämd_plural: kommunerna}\n";
}  // namespace rv::test
