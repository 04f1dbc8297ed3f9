package org.gongnon.recruitment;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface RecruitmentPlanRepository extends JpaRepository<RecruitmentPlan, Long> {
}

interface TargetFeatureRepository extends JpaRepository<TargetFeature, Long> {

    List<TargetFeature> findByProcessIdOrderByPositionAsc(long processId);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("delete from TargetFeature f where f.processId = :processId")
    void deleteByProcessId(long processId);
}

interface PoolImportRepository extends JpaRepository<PoolImport, Long> {

    Optional<PoolImport> findFirstByProcessIdOrderByIdDesc(long processId);
}

interface PoolMemberRepository extends JpaRepository<PoolMember, Long> {

    List<PoolMember> findByProcessIdOrderBySourceRowAsc(long processId);

    long countByProcessId(long processId);

    @Query("select m.featureValues from PoolMember m where m.processId = :processId")
    List<String> featureValuesOf(long processId);
}

interface PublishedPanelListRepository extends JpaRepository<PublishedPanelList, Long> {

    List<PublishedPanelList> findByProcessIdOrderByIdDesc(long processId);
}

interface SortitionDrawRepository extends JpaRepository<SortitionDraw, Long> {

    List<SortitionDraw> findByPanelListIdOrderByIdAsc(long panelListId);

    List<SortitionDraw> findByProcessIdOrderByIdDesc(long processId);

    boolean existsByProcessId(long processId);
}

interface DrawEntryRepository extends JpaRepository<DrawEntry, DrawEntry.Key> {

    @Query("select e from DrawEntry e where e.key.drawId = :drawId")
    List<DrawEntry> findByDrawId(long drawId);
}

interface DrawReplacementRepository extends JpaRepository<DrawReplacement, Long> {

    List<DrawReplacement> findByDrawIdOrderByIdAsc(long drawId);

    long countByDrawId(long drawId);
}

interface PanelSeatingRepository extends JpaRepository<PanelSeating, Long> {
}
