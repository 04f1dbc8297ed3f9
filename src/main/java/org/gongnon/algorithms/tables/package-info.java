/**
 * Small-group table assignment for deliberation sessions (GroupSelect-style): splits a session's citizens
 * into tables of about equal size so that every table mirrors the whole room on each feature (region, gender,
 * age band, prior opinion, …) and, over several rounds, people meet new people; and evens the tables out after
 * no-shows while moving as few people as possible. Facilitators are seated outside this package.
 *
 * <p>Entry point: {@link org.gongnon.algorithms.tables.TableAssigner} ({@code assign}, {@code rebalance},
 * {@code evaluate}, {@code profiles}); past rounds become {@link org.gongnon.algorithms.tables.EarlierMeetings}.
 * The objective and method are described on {@code TableAssigner}. A seeded local search (SplitMix64 from
 * {@link org.gongnon.algorithms.sortition.SeededRandom}) makes every plan reproducible from its seed.
 * Plain Java: no Spring, no Vaadin.
 */
package org.gongnon.algorithms.tables;
