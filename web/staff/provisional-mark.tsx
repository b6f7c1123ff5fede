// A due date counted on the provisional calendar (docs/calendar.md): the official holidays of its
// year are not published yet, so the date may move when an administrator loads them. Marked in
// words, with the reason in a tooltip for the mouse and in the accessible description for the
// keyboard and screen readers (the tag takes focus so the tooltip opens on Tab too).
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Tag, Tooltip } from 'antd';
import { QuestionCircleOutlined } from '@ant-design/icons';

export function ProvisionalMark() {
  const { t } = useTranslation();
  const hintId = useId();
  const hint = t('staff.provisional.hint');
  return (
    <span>
      <Tooltip title={hint}>
        <Tag
          className="jz-tag-provisional"
          tabIndex={0}
          icon={<QuestionCircleOutlined aria-hidden />}
          aria-describedby={hintId}
        >
          {t('staff.provisional.mark')}
        </Tag>
      </Tooltip>
      <span id={hintId} hidden>
        {hint}
      </span>
    </span>
  );
}
