package org.gongnon.survey;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface SurveyWaveRepository extends JpaRepository<SurveyWave, Long> {

    List<SurveyWave> findByProcessIdOrderByNumberAsc(long processId);
}
