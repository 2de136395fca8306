import type { FormSchema } from '../api/types';
import { decisionFieldOf, displayValue, reasonFieldFor, withoutDecision } from './formSchema';

const checkForm: FormSchema = {
  components: [
    { type: 'text', text: '## Kiểm tra' },
    {
      type: 'select',
      key: 'completenessDecision',
      label: 'Kết quả kiểm tra',
      values: [
        { value: 'accepted', label: 'Tiếp nhận' },
        { value: 'supplement', label: 'Bổ sung' },
      ],
    },
    {
      type: 'textarea',
      key: 'supplementRequest',
      label: 'Nội dung cần bổ sung',
      validate: { required: true },
      conditional: { hide: '=completenessDecision != "supplement"' },
    },
    { type: 'textarea', key: 'checkNote', label: 'Ghi chú' },
  ],
};

describe('form schema helpers', () => {
  it('should find the decision field and the reason it shows when a step form is given', () => {
    // given / when
    const decision = decisionFieldOf(checkForm);
    // then
    expect(decision?.key).toBe('completenessDecision');
    expect(reasonFieldFor(checkForm, 'completenessDecision', 'supplement')?.key).toBe('supplementRequest');
    expect(reasonFieldFor(checkForm, 'completenessDecision', 'accepted')).toBeUndefined();
  });

  it('should keep only the other fields when the decision is asked separately', () => {
    // given / when
    const rest = withoutDecision(checkForm, 'completenessDecision');
    // then
    expect(rest.components.map((c) => c.key ?? c.type)).toEqual(['text', 'checkNote']);
  });

  it('should show option labels when a select value is displayed', () => {
    expect(displayValue(checkForm.components[1], 'accepted')).toBe('Tiếp nhận');
    expect(displayValue(undefined, '')).toBe('—');
  });
});
